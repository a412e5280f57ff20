import type { StepAction, WalkthroughContext } from '../../../lib/walkthrough/types';
import { CALLBACK_PATH, query } from '../common-steps';

/** The authorization server's authorization endpoint on the playground's origin (RFC 6749 §3.1). */
export const AUTHORIZATION_ENDPOINT = '/oidc/auth';

/** An authorization request's parameters, in the order the URL carries them; empty ones are left out. */
export type AuthorizationParameters = Record<string, string | undefined>;

/**
 * RFC 6749 §4.1.1: the authorization endpoint's URL with the request in its query string; `endpoint` when
 * the client was told of another (an attacker's, in the mix-up).
 */
export const authorizationUrl = (parameters: AuthorizationParameters, endpoint = AUTHORIZATION_ENDPOINT) =>
  `${endpoint}?${query(parameters)}`;

/** RFC 6749 §4.1.1: the client sends the browser to the authorization endpoint (the front channel). */
export const authorizationRequest = (
  parameters: AuthorizationParameters,
  endpoint?: string,
): Extract<StepAction, { kind: 'navigate' }> => ({
  kind: 'navigate',
  path: authorizationUrl(parameters, endpoint),
});

/**
 * RFC 6749 §4.1.1 with PKCE (RFC 7636 §4.3): response_type code for `clientId`, back to the playground's
 * callback, with `parameters` (scope, state...) and the run's S256 code_challenge unless `pkce` says
 * otherwise (a plain challenge, to be refused).
 */
export const codeRequestParameters = (
  { values, origin }: Pick<WalkthroughContext, 'values' | 'origin'>,
  clientId: string,
  parameters: AuthorizationParameters,
  pkce: { code_challenge?: string; code_challenge_method?: string } = {
    code_challenge: values.code_challenge,
    code_challenge_method: 'S256',
  },
): AuthorizationParameters => ({
  response_type: 'code',
  client_id: clientId,
  redirect_uri: `${origin}${CALLBACK_PATH}`,
  ...parameters,
  code_challenge: pkce.code_challenge,
  code_challenge_method: pkce.code_challenge_method,
});
