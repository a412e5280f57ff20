import type { ExchangeResult, ParamSpec, StepOutcome } from '../../lib/walkthrough/types';
import { oauthErrorIn, tokenResponseOf } from '../../lib/walkthrough/response-bodies';

/** The playground's callback: where every browser-based demo client is redirected. */
export const CALLBACK_PATH = '/callback';

export const RFC = {
  authorizationRequest: {
    label: 'RFC 6749 §4.1.1',
    href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1',
  },
  authorizationResponse: {
    label: 'RFC 6749 §4.1.2',
    href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2',
  },
  tokenRequest: { label: 'RFC 6749 §4.1.3', href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3' },
  tokenResponse: { label: 'RFC 6749 §5.1', href: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.1' },
  pkce: { label: 'RFC 7636 §4', href: 'https://www.rfc-editor.org/rfc/rfc7636#section-4' },
  implicit: { label: 'RFC 6749 §4.2', href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.2' },
  oidcImplicit: {
    label: 'OpenID Connect Core §3.2',
    href: 'https://openid.net/specs/openid-connect-core-1_0.html#ImplicitFlowAuth',
  },
  clientCredentials: { label: 'RFC 6749 §4.4', href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.4' },
  password: { label: 'RFC 6749 §4.3', href: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.3' },
  deviceAuthorization: { label: 'RFC 8628 §3.1', href: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.1' },
  userInteraction: { label: 'RFC 8628 §3.3', href: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.3' },
  devicePolling: { label: 'RFC 8628 §3.4', href: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.4' },
  refresh: { label: 'RFC 6749 §6', href: 'https://www.rfc-editor.org/rfc/rfc6749#section-6' },
  rotation: { label: 'RFC 9700 §4.14.2', href: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2' },
  userinfo: {
    label: 'OpenID Connect Core §5.3',
    href: 'https://openid.net/specs/openid-connect-core-1_0.html#UserInfo',
  },
  bearer: { label: 'RFC 6750 §2.1', href: 'https://www.rfc-editor.org/rfc/rfc6750#section-2.1' },
} as const;

export const PARAMS = {
  scope: {
    name: 'scope',
    label: 'scope',
    help: 'What the client asks to be allowed to do, space-separated.',
  },
  state: {
    name: 'state',
    label: 'state',
    help: 'Echoed back unchanged; the client checks it to refuse forged responses.',
  },
  nonce: {
    name: 'nonce',
    label: 'nonce',
    help: 'Put into the ID token; the client checks it to refuse replayed tokens.',
  },
  prompt: {
    name: 'prompt',
    label: 'prompt',
    help: 'consent: always ask; login: always sign in again; none: fail rather than show a page.',
    options: ['consent', 'login', 'none', ''],
  },
  resource: {
    name: 'resource',
    label: 'resource',
    help: 'RFC 8707: the API the token is for. Naming the playground API gets a JWT access token; empty gets an opaque one.',
  },
  codeChallengeMethod: {
    name: 'code_challenge_method',
    label: 'code_challenge_method',
    help: 'S256 hashes the verifier; plain sends it as is, which this server refuses.',
    options: ['S256', 'plain'],
  },
} satisfies Record<string, ParamSpec>;

/** A token endpoint answer: the tokens on 200 (RFC 6749 §5.1), the error otherwise (§5.2). */
export function tokenOutcome(result: ExchangeResult): StepOutcome {
  if (result.status !== 200) return { ok: false, error: oauthErrorIn(result) };
  const body = tokenResponseOf(result.body);
  return {
    ok: true,
    tokens: {
      access_token: body.access_token,
      token_type: body.token_type,
      expires_in: body.expires_in,
      scope: body.scope,
      refresh_token: body.refresh_token,
      id_token: body.id_token,
    },
  };
}

/** A protected resource's answer: a refusal (401, 403, 422) is a real answer worth reading, not a crash. */
export function resourceOutcome(result: ExchangeResult): StepOutcome {
  return result.status < 500 ? { ok: true } : { ok: false, error: oauthErrorIn(result) };
}

/** Only the parameters with a value: an emptied field leaves the parameter out of the request. */
export const present = (params: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));

export const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(present(params)).toString();
