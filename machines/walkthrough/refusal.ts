import type {
  CallbackResult,
  OAuthError,
  StepDefinition,
  WalkthroughContext,
} from '../../lib/walkthrough/types';

/**
 * A front-channel step whose lesson is a refusal (StepDefinition.refusal): the authorization server must
 * send the browser back with exactly that error (RFC 6749 §4.1.2.1), from the expected issuer
 * (RFC 9207). Answers why the answer is not the expected refusal, or nothing when it is.
 */
export function missedRefusal(
  step: StepDefinition,
  context: WalkthroughContext,
  callback: CallbackResult,
): OAuthError | undefined {
  const refusal = step.refusal;
  if (!refusal) return undefined;
  const { params } = callback;
  const issuer = context.values.expected_issuer ?? `${context.origin}/oidc`;
  if (params.iss !== undefined && params.iss !== issuer)
    return {
      error: 'issuer_mismatch',
      error_description: `The response names issuer ${params.iss}, not ${issuer} (RFC 9207 mix-up defence).`,
    };
  const sentState = context.params.state ?? context.values.state ?? '';
  if (params.state !== undefined && params.state !== sentState)
    return {
      error: 'state_mismatch',
      error_description: `The state that came back (${params.state}) is not the one this client sent (${sentState}).`,
    };
  if (params.error === refusal.error) return undefined;
  if (params.error) return { error: params.error, error_description: params.error_description };
  return { error: 'unexpected_success', error_description: refusal.ifAccepted };
}
