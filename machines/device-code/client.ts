import type { DemoClient } from '../../lib/oidc/demo-client';

/** The grant_type with which a device polls the token endpoint (RFC 8628 §3.4). */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** A TV app: it cannot keep a secret, nor show a browser, so the user signs in on another device. */
export const tvApp: DemoClient = {
  client_id: 'playground-tv',
  type: 'public',
  metadata: () => ({
    client_name: 'Playground TV App (device code)',
    grant_types: [DEVICE_CODE_GRANT, 'refresh_token'],
    response_types: [],
    redirect_uris: [],
  }),
};
