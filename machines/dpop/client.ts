import { callbackUrl, type DemoClient } from '../../lib/oidc/demo-client';

/**
 * A single-page app that binds its tokens to a key pair it keeps in the browser (RFC 9449): public, code
 * with PKCE, and registered with dpop_bound_access_tokens, so the server refuses it a token without a
 * proof and asks it for a fresh server nonce in its proofs.
 */
export const dpopApp: DemoClient = {
  client_id: 'playground-dpop',
  type: 'public',
  metadata: (origin) => ({
    client_name: 'Playground DPoP App (public, sender-constrained tokens)',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [callbackUrl(origin)],
    dpop_bound_access_tokens: true,
  }),
};
