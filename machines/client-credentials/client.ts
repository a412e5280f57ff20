import type { DemoClient } from '../../lib/oidc/demo-client';

/**
 * The scopes the service is registered for (RFC 7591 §2 `scope`): what its walkthrough asks for. The
 * authorization server grants it no other static scope, and the API's record of the app lists these.
 */
export const SERVICE_SCOPE = 'read write:statuses';

/** A service acting for itself: no user, no browser, so no redirect URI. */
export const service: DemoClient = {
  client_id: 'playground-service',
  type: 'confidential',
  metadata: () => ({
    client_name: 'Playground Machine-to-Machine Service',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: SERVICE_SCOPE,
  }),
};
