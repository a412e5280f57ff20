import type { LabClient } from '../../../lib/attacks/types';
import { callbackUrl } from '../../../lib/oidc/demo-client';

/**
 * DELIBERATELY VULNERABLE, lab only: a native-style public app the server lets go without PKCE, so a
 * code caught on its redirect is all anyone needs. Registered for /attacks only.
 */
export const appWithoutPkce: LabClient = {
  client_id: 'lab-app-without-pkce',
  type: 'public',
  metadata: (origin) => ({
    client_name: 'Attack lab app with an interceptable redirect, PKCE optional (deliberately vulnerable)',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [callbackUrl(origin)],
  }),
  weaknesses: { pkceRequired: false },
};
