import type { DemoClient } from '../../lib/oidc/demo-client';

/**
 * A service that proves who it is with its own key pair instead of a shared secret (private_key_jwt,
 * RFC 7523 §2.2): registered with its public keys; the private key stays on the playground's server
 * (lib/client/client-keys.ts), which signs its client assertions.
 */
export const signingService: DemoClient = {
  client_id: 'playground-private-key-jwt',
  type: 'confidential',
  authentication: 'private_key_jwt',
  metadata: () => ({
    client_name: 'Playground Service (private_key_jwt, no shared secret)',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
  }),
};
