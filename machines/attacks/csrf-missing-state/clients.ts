import type { LabClient } from '../../../lib/attacks/types';
import { callbackUrl } from '../../../lib/oidc/demo-client';

/**
 * DELIBERATELY VULNERABLE, lab only: a web app that sends neither state nor PKCE, so nothing ties the
 * authorization response it receives to a request this browser made. Registered for /attacks only.
 */
export const webAppWithoutPkce: LabClient = {
  client_id: 'lab-web-without-pkce',
  type: 'public',
  metadata: (origin) => ({
    client_name: 'Attack lab web app without state or PKCE (deliberately vulnerable)',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [callbackUrl(origin)],
  }),
  weaknesses: { pkceRequired: false },
};
