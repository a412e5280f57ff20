import { IMPLICIT_APP_CLIENT_ID, implicitAppRedirectUri } from './lab/implicit-app';
import type { LabClient } from '../../../lib/attacks/types';

// The redirect URI is the app's own route, which forwards the browser on (machines/attacks/implicit-token-leak/lab/open-redirect-client.ts).
export { IMPLICIT_APP_PATH, implicitAppRedirectUri } from './lab/implicit-app';

function isLoopbackHttp(origin: string): boolean {
  const { protocol, hostname } = new URL(origin);
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/**
 * DELIBERATELY VULNERABLE, lab only: a single-page app of the implicit flow whose redirect URI is an open
 * redirector (it forwards the browser to a "return to" path its sign-in link carried). The server
 * weakens nothing for it: exact redirect URI, nonce required. It may also use the code flow (with PKCE,
 * required as for every client), the defense. Registered for /attacks only.
 */
export const implicitAppWithOpenRedirect: LabClient = {
  client_id: IMPLICIT_APP_CLIENT_ID,
  type: 'public',
  metadata: (origin) => ({
    client_name: 'Attack lab implicit app whose redirect URI is an open redirector (deliberately vulnerable)',
    grant_types: ['implicit', 'authorization_code'],
    response_types: ['id_token token', 'code'],
    redirect_uris: [implicitAppRedirectUri(origin)],
    // As the implicit walkthrough's app: OpenID Connect allows implicit clients on plain http only as
    // native apps with a loopback redirect (RFC 8252 §7.3).
    application_type: isLoopbackHttp(origin) ? 'native' : 'web',
  }),
};
