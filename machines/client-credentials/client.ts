import type { DemoClient } from '../../lib/oidc/demo-client';

/** A service acting for itself: no user, no browser, so no redirect URI. */
export const service: DemoClient = {
  client_id: 'playground-service',
  type: 'confidential',
  metadata: () => ({
    client_name: 'Playground Machine-to-Machine Service',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
  }),
};
