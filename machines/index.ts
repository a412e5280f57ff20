import { authorizationCodePkce } from './authorization-code-pkce/steps';
import { authorizationCode } from './authorization-code/steps';
import { clientCredentials } from './client-credentials/steps';
import { deviceCode } from './device-code/steps';
import { implicit } from './implicit/steps';
import { password } from './password/steps';
import { refreshToken } from './refresh-token/steps';
import type { GrantDefinition } from './walkthrough/types';

/** The registry: adding a grant means adding its folder and one line here. */
export const GRANT_DEFINITIONS: readonly GrantDefinition[] = [
  authorizationCode,
  authorizationCodePkce,
  implicit,
  clientCredentials,
  password,
  deviceCode,
  refreshToken,
];

export const grantBySlug = (slug: string) => GRANT_DEFINITIONS.find((grant) => grant.slug === slug);
