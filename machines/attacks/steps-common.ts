import type {
  ExchangeResult,
  OAuthError,
  StepDefinition,
  StepOutcome,
  WalkthroughContext,
} from '../../lib/walkthrough/types';
import { RFC } from '../walkthrough/common-steps';
import { ATTACKER } from '../../lib/attacks/party';
import type { ExtraRole } from '../../lib/walkthrough/types';

/** The fifth party of every scenario: it plays the client's part with what it stole (lib/attacks/party.ts). */
export const attackerRole: ExtraRole = {
  id: ATTACKER,
  title: 'Attacker',
  playsAs: 'client',
  clientId: ATTACKER,
  holds: ['a server of its own (the lab’s /api/attacker routes)'],
};

export const isOn = (context: WalkthroughContext, param: string) => context.params[param] === 'on';

/** The error in a refusal, in OAuth's wire format, with its status. */
export function errorOf(result: ExchangeResult): OAuthError {
  const body = (typeof result.body === 'object' && result.body ? result.body : {}) as Partial<OAuthError>;
  return {
    error: typeof body.error === 'string' ? body.error : `HTTP ${result.status}`,
    ...(typeof body.error_description === 'string' ? { error_description: body.error_description } : {}),
    status: result.status,
  };
}

/**
 * An attack step's answer is data either way: a refusal is how a defense shows itself, so it is kept in
 * the run's values (`<name>_status`, `<name>_error`, `<name>_error_description`) and the run goes on.
 */
export function observed(
  name: string,
  result: ExchangeResult,
  extra: Record<string, string> = {},
): StepOutcome {
  if (result.status >= 500) return { ok: false, error: errorOf(result) };
  const values: Record<string, string> = { [`${name}_status`]: String(result.status), ...extra };
  if (result.status >= 400) {
    const error = errorOf(result);
    values[`${name}_error`] = error.error;
    if (error.error_description) values[`${name}_error_description`] = error.error_description;
  }
  return { ok: true, values };
}

/**
 * The proof of most attacks: the attacker's server calls the API with whatever access token it got and
 * learns whose account it is (`api_status`, `api_acct`). The scenario says where that token came from.
 */
export const attackerCallsApi = (explanation: string): StepDefinition => ({
  id: 'attacker-api',
  title: 'The attacker calls the API as alice',
  explanation,
  rfc: RFC.bearer,
  from: 'attacker',
  to: 'resource-server',
  channel: 'back',
  action: () => ({
    kind: 'send',
    via: 'browser',
    request: { method: 'POST', path: '/api/attacker/call-api' },
  }),
  outcome: (_context, result) => {
    const body = (result.body ?? {}) as { acct?: unknown };
    return observed('api', result, typeof body.acct === 'string' ? { api_acct: body.acct } : {});
  },
});
