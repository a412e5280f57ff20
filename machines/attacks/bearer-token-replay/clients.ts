import type { LabClient } from '../../../lib/attacks/types';
import { callbackUrl } from '../../../lib/oidc/demo-client';

const spa =
  (name: string, dpop: boolean): LabClient['metadata'] =>
  (origin) => ({
    client_name: name,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [callbackUrl(origin)],
    ...(dpop ? { dpop_bound_access_tokens: true } : {}),
  });

/**
 * DELIBERATELY VULNERABLE, lab only: a public single-page app (code with PKCE) whose access tokens are
 * plain bearer tokens, so whoever copies one can use it from anywhere. Registered for /attacks only.
 */
export const spaWithBearerTokens: LabClient = {
  client_id: 'lab-spa-bearer-tokens',
  type: 'public',
  metadata: spa('Attack lab SPA with bearer access tokens (deliberately vulnerable)', false),
  weaknesses: { dpopBoundAccessTokens: false },
};

/**
 * The same app with the defense: registered with dpop_bound_access_tokens (RFC 9449 §5.2), so the server
 * issues it only DPoP-bound tokens, and only for proofs carrying the server's nonce.
 */
export const spaWithDpop: LabClient = {
  client_id: 'lab-spa-dpop',
  type: 'public',
  metadata: spa('Attack lab SPA with DPoP sender-constrained tokens', true),
};
