import { authorizationCodePkce } from './authorization-code-pkce/steps';
import { authorizationCode } from './authorization-code/steps';
import { clientCredentials } from './client-credentials/steps';
import { deviceCode } from './device-code/steps';
import { dpop } from './dpop/steps';
import { implicit } from './implicit/steps';
import { password } from './password/steps';
import { privateKeyJwt } from './private-key-jwt/steps';
import { pushedAuthorizationRequest } from './pushed-authorization-request/steps';
import { refreshToken } from './refresh-token/steps';
import { tokenExchange } from './token-exchange/steps';
import type { RegisteredGrant } from '../lib/grants/catalogue';

/**
 * The registry: the grants the playground teaches, in the order pages list them. Each is one folder in
 * machines/ and one line here. It holds data only, no XState (its test checks), so that server code
 * (pages, the rooms API, the authorization server's demo clients) reads it without loading machines:
 * it is the one module of machines/ that lib/ may import. machines/index.ts builds the walkthrough
 * machines from it.
 */
export const GRANTS: readonly RegisteredGrant[] = [
  authorizationCode,
  authorizationCodePkce,
  implicit,
  clientCredentials,
  password,
  deviceCode,
  refreshToken,
  pushedAuthorizationRequest,
  privateKeyJwt,
  dpop,
  tokenExchange,
];

export const grantBySlug = (slug: string) => GRANTS.find((grant) => grant.slug === slug);
