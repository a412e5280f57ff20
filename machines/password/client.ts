import type { DemoClient } from '../../lib/oidc/demo-client';

/** The provider's own app with its own login form: the refresh token walkthrough plays it too. */
export const firstPartyApp: DemoClient = {
  client_id: 'playground-first-party',
  type: 'confidential',
  metadata: () => ({
    client_name: 'Playground First-Party App (password grant)',
    grant_types: ['password', 'refresh_token'],
    response_types: [],
    redirect_uris: [],
  }),
};
