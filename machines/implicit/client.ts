import { callbackUrl, type DemoClient } from '../../lib/oidc/demo-client';

function isLoopbackHttp(origin: string): boolean {
  const { protocol, hostname } = new URL(origin);
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/** A legacy single-page app that takes its tokens straight from the redirect. */
export const implicitApp: DemoClient = {
  client_id: 'playground-implicit',
  type: 'public',
  metadata: (origin) => ({
    client_name: 'Playground Implicit App (legacy)',
    grant_types: ['implicit'],
    response_types: ['id_token token', 'id_token'],
    redirect_uris: [callbackUrl(origin)],
    // OpenID Connect forbids implicit web clients on http or localhost redirect URIs. On a loopback
    // playground the client is registered as a native app, whose loopback redirects are allowed
    // (RFC 8252 section 7.3): the walkthrough explains this rule.
    application_type: isLoopbackHttp(origin) ? 'native' : 'web',
  }),
};
