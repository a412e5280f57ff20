import { callbackUrl, type DemoClient } from '../../lib/oidc/demo-client';

/** A single-page app: public, it proves with PKCE that it is the client that asked for the code. */
export const singlePageApp: DemoClient = {
  client_id: 'playground-spa',
  type: 'public',
  metadata: (origin) => ({
    client_name: 'Playground Single-Page App (public, PKCE)',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [callbackUrl(origin)],
    post_logout_redirect_uris: [origin + '/'],
  }),
};
