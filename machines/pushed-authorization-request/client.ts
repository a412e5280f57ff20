import { callbackUrl, type DemoClient } from '../../lib/oidc/demo-client';

/**
 * A confidential web app that must push its authorization requests (RFC 9126 §6): registered with
 * require_pushed_authorization_requests, so the server refuses it any request whose parameters travel
 * in the URL. Set on this client only; the server's global switch would impose PAR on every client.
 */
export const pushingWebApp: DemoClient = {
  client_id: 'playground-par',
  type: 'confidential',
  metadata: (origin) => ({
    client_name: 'Playground Web App (confidential, pushed authorization requests)',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [callbackUrl(origin)],
    require_pushed_authorization_requests: true,
  }),
};
