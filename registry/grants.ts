import { authorizationCodePkce } from '../machines/authorization-code-pkce/steps';
import { authorizationCode } from '../machines/authorization-code/steps';
import { clientCredentials } from '../machines/client-credentials/steps';
import { deviceCode } from '../machines/device-code/steps';
import { implicit } from '../machines/implicit/steps';
import { password } from '../machines/password/steps';
import { refreshToken } from '../machines/refresh-token/steps';
import type { RegisteredGrant } from '../lib/grants/catalogue';

/**
 * The registry: the grants the playground teaches, in the order pages list them. Each is one folder in
 * machines/ and one line here. It holds data only, no XState, so that server code (pages, the rooms
 * API, the authorization server's demo clients) reads it without loading machines; lib/ reaches the
 * grants only through it. machines/index.ts builds the walkthrough machines from it.
 */
export const GRANTS: readonly RegisteredGrant[] = [
  authorizationCode,
  authorizationCodePkce,
  implicit,
  clientCredentials,
  password,
  deviceCode,
  refreshToken,
];

export const grantBySlug = (slug: string) => GRANTS.find((grant) => grant.slug === slug);
