import type { LabClient } from '../../../lib/attacks/types';
import { callbackUrl } from '../../../lib/oidc/demo-client';
import { MIX_UP_CLIENT_ID } from './lab/mix-up-parties';

export { CLIENT_ID_AT_ATTACKER } from './lab/mix-up-parties';

/**
 * The lab's mix-up client: a public web app that lets its user pick between two authorization servers
 * and uses one redirect URI for both. The authorization server weakens nothing for it (PKCE required,
 * `iss` sent, exact redirect URI): what is deliberately vulnerable is the client, which without the
 * defense does not check `iss` (RFC 9207). Registered for /attacks only.
 */
export const mixUpClient: LabClient = {
  client_id: MIX_UP_CLIENT_ID,
  type: 'public',
  metadata: (origin) => ({
    client_name: 'Attack lab client of two authorization servers, iss unchecked (deliberately vulnerable)',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [callbackUrl(origin)],
  }),
};
