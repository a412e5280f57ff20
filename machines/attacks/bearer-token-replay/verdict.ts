import type { AttackScenario } from '../../../lib/attacks/types';
import type { ExchangeResult, WalkthroughContext } from '../../../lib/walkthrough/types';
import { responseHeader } from '../../walkthrough/builders/expect-refusal';
import { observed, refusalObserved } from '../common-steps';
import { acctOf } from '../../../lib/walkthrough/response-bodies';

export const ACCOUNT = '/api/v1/accounts/verify_credentials';

/** An attacker's replay at the API, the resource server's answer and its challenge kept as the run's values. */
export const replayed = (name: string) => (_context: WalkthroughContext, result: ExchangeResult) => {
  const acct = acctOf(result.body);
  const challenge = responseHeader(result, 'www-authenticate');
  return observed(name, result, {
    ...(acct !== undefined ? { [`${name}_acct`]: acct } : {}),
    ...(challenge ? { [`${name}_challenge`]: challenge } : {}),
  });
};

/** `HTTP 401 with WWW-Authenticate: …`: a refusal as the attacker's server received it. */
const refusal = (values: Record<string, string>, name: string) =>
  `HTTP ${values[`${name}_status`] ?? '?'}${values[`${name}_challenge`] ? ` with WWW-Authenticate: ${values[`${name}_challenge`]}` : `, ${values[`${name}_error`] ?? 'no error code'}`}`;

/**
 * Succeeded when either replay read alice's account; blocked when both were refused, with what the
 * attacker's server received each time and whether alice's own app still works.
 */
export const replayVerdict: AttackScenario['verdict'] = ({ values }) => {
  if (values.client_api_status === undefined) return undefined;
  const own =
    values.client_api_status === '200'
      ? `alice’s app, with its own key, still reads her account (HTTP 200, @${values.client_api_acct ?? '?'}).`
      : `alice’s app was refused too (${refusal(values, 'client_api')}).`;
  if (values.bearer_status === '200' || values.own_proof_status === '200')
    return {
      outcome: 'succeeded',
      proof: `From its own server the attacker replayed the leaked token ${values.bearer_status === '200' ? 'as a Bearer token' : 'with a proof by its own key'} at GET ${ACCOUNT} and was answered with @${values.bearer_acct ?? values.own_proof_acct ?? '?'}’s account.`,
    };
  return {
    outcome: 'blocked',
    by: 'the resource server (DPoP: the token is bound to the app’s key, cnf.jkt)',
    error: refusalObserved(values, 'own_proof'),
    detail: `Replayed as a Bearer token: ${refusal(values, 'bearer')}. With a proof by the attacker’s own key: ${refusal(values, 'own_proof')}. ${own}`,
  };
};
