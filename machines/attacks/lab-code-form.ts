import type { WalkthroughContext } from '../../lib/walkthrough/types';
import type { AuthorizationParameters } from '../walkthrough/builders/authorization-request';
import type { TokenForm } from '../walkthrough/builders/token-request';
import { CALLBACK_PATH } from '../walkthrough/common-steps';

/**
 * RFC 6749 §4.1.3 as the lab's public clients send it: the code, the redirect URI it was issued for, the
 * client naming itself, and the code_verifier when the client keeps one (a client without PKCE has none).
 */
export const labCodeForm = (
  { values, origin }: Pick<WalkthroughContext, 'values' | 'origin'>,
  clientId: string,
  { codeVerifier = true }: { codeVerifier?: boolean } = {},
): TokenForm => ({
  grant_type: 'authorization_code',
  code: values.code ?? '',
  redirect_uri: `${origin}${CALLBACK_PATH}`,
  client_id: clientId,
  ...(codeVerifier ? { code_verifier: values.code_verifier ?? '' } : {}),
});

/**
 * RFC 6749 §4.1.1 as the lab's clients send it: the client first, a code back at the playground's
 * callback, then the scenario's parameters (scope, state, a PKCE challenge when its defense is on).
 */
export const labCodeRequest = (
  { origin }: Pick<WalkthroughContext, 'origin'>,
  clientId: string,
  parameters: AuthorizationParameters,
): AuthorizationParameters => ({
  client_id: clientId,
  response_type: 'code',
  redirect_uri: `${origin}${CALLBACK_PATH}`,
  ...parameters,
});
