import { sameRun, type CodeRedemption, type IssuedCode } from '../attacker-evidence';

/**
 * Why the token endpoint refused the attacker a caught code, when the trace shows a cause other than
 * PKCE (RFC 7636 §4.6: a code issued for a code_challenge is redeemed only with its code_verifier).
 * The endpoint answers every refused code with the same invalid_grant (RFC 6749 §5.2), so the other
 * causes are read off the trace, in oidc-provider's order: expiry, then the client and redirect URI
 * the code was issued for, then a code already used. Undefined when PKCE is the only cause left.
 */
export function otherCauseOf(
  refused: CodeRedemption,
  issued: IssuedCode | undefined,
  redemptions: readonly CodeRedemption[],
  codeLifetimeSeconds: number,
): string | undefined {
  const at = `#${refused.seq}`;
  if (!issued)
    return `the code refused at ${at} never came back to alice’s browser in your trace: catch hers on its way to /callback`;
  if (sameRun(refused, issued)) return byTheScenario(at);
  if (refused.error !== 'invalid_grant')
    return `the refusal at ${at} is ${refused.error ?? `HTTP ${refused.status}`}, not the invalid_grant of a code without its code_verifier`;
  const query = issued.request?.query;
  if (!query?.get('code_challenge'))
    return `alice’s authorization request for the code refused at ${at} carried no code_challenge, so PKCE is not what refused it`;
  if (refused.form.get('code_verifier'))
    return `the request refused at ${at} carried a code_verifier: the attacker holds none, only alice’s app does`;
  const waited = Math.round((refused.time - issued.time) / 1000);
  if (waited >= codeLifetimeSeconds)
    return `the code refused at ${at} had expired: it was redeemed ${waited} s after it was issued, and a code lasts ${codeLifetimeSeconds} s here`;
  if (refused.form.get('client_id') !== query.get('client_id'))
    return `the attacker sent the code refused at ${at} with client_id ${refused.form.get('client_id') ?? '(none)'}, but it was issued to ${query.get('client_id')}`;
  if (refused.form.get('redirect_uri') !== query.get('redirect_uri'))
    return `the attacker sent the code refused at ${at} with another redirect_uri than its authorization request’s`;
  const earlier = redemptions.find((other) => other.code === refused.code && other.seq < refused.seq);
  if (earlier)
    return `the code refused at ${at} had been sent to the token endpoint before, at #${earlier.seq}: a code works once`;
  return undefined;
}

/** The scenario's attacker redeeming within the run that leaked the code: its button, not the learner's hand. */
export const byTheScenario = (at: string) =>
  `the redemption at ${at} was the scenario’s own step, in the run that leaked the code: stop the scenario before it, and redeem the code with the Attacker’s tools`;
