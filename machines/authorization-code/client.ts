import { callbackUrl, type DemoClient } from '../../lib/oidc/demo-client';

/** A web app with a server: the secret stays in its backend, which redeems the code. */
export const webApp: DemoClient = {
  client_id: 'playground-web',
  type: 'confidential',
  metadata: (origin) => ({
    client_name: 'Playground Web App (confidential)',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [callbackUrl(origin)],
    post_logout_redirect_uris: [origin + '/'],
  }),
};
