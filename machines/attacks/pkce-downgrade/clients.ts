import type { LabClient } from '../../../lib/attacks/types';
import { callbackUrl } from '../../../lib/oidc/demo-client';

/**
 * DELIBERATELY VULNERABLE, lab only: a web app that always sends PKCE but checks no state, at a server
 * that makes PKCE optional (no code_challenge is asked for) and, through the lab's token endpoint
 * wrapper, ignores a code_verifier sent for a code issued without a challenge. Registered for /attacks only.
 */
export const webAppPkceOptional: LabClient = {
  client_id: 'lab-web-pkce-optional',
  type: 'public',
  metadata: (origin) => ({
    client_name:
      'Attack lab web app at a server with optional PKCE, no state check (deliberately vulnerable)',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [callbackUrl(origin)],
  }),
  weaknesses: { pkceRequired: false, refuseCodeVerifierWithoutChallenge: false },
};
