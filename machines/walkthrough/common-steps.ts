import type { ExchangeResult, ParamSpec, StepOutcome } from '../../lib/walkthrough/types';
import { rfcSection } from '../../lib/walkthrough/rfc';
import { oauthErrorIn, tokenResponseOf } from '../../lib/walkthrough/response-bodies';

/** The playground's callback: where every browser-based demo client is redirected. */
export const CALLBACK_PATH = '/callback';

export const RFC = {
  authorizationRequest: rfcSection(6749, '4.1.1'),
  authorizationResponse: rfcSection(6749, '4.1.2'),
  tokenRequest: rfcSection(6749, '4.1.3'),
  tokenResponse: rfcSection(6749, '5.1'),
  pkce: rfcSection(7636, '4'),
  implicit: rfcSection(6749, '4.2'),
  oidcImplicit: {
    label: 'OpenID Connect Core §3.2',
    href: 'https://openid.net/specs/openid-connect-core-1_0.html#ImplicitFlowAuth',
  },
  clientCredentials: rfcSection(6749, '4.4'),
  password: rfcSection(6749, '4.3'),
  deviceAuthorization: rfcSection(8628, '3.1'),
  userInteraction: rfcSection(8628, '3.3'),
  devicePolling: rfcSection(8628, '3.4'),
  refresh: rfcSection(6749, '6'),
  rotation: rfcSection(9700, '4.14.2'),
  userinfo: {
    label: 'OpenID Connect Core §5.3',
    href: 'https://openid.net/specs/openid-connect-core-1_0.html#UserInfo',
  },
  bearer: rfcSection(6750, '2.1'),
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
  if (result.status !== 200) return { kind: 'failed', error: oauthErrorIn(result) };
  const body = tokenResponseOf(result.body);
  return {
    kind: 'succeeded',
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
  return result.status < 500 ? { kind: 'succeeded' } : { kind: 'failed', error: oauthErrorIn(result) };
}

/** Only the parameters with a value: an emptied field leaves the parameter out of the request. */
export const present = (params: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));

export const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(present(params)).toString();
