import { EXACT_REDIRECT_CLIENT, LOOSE_REDIRECT_CLIENT } from './lab/redirect-uri-link';
import type { LabClient } from '../../../lib/attacks/types';
import { callbackUrl } from '../../../lib/oidc/demo-client';

const metadata =
  (name: string): LabClient['metadata'] =>
  (origin) => ({
    client_name: name,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [callbackUrl(origin)],
  });

/**
 * DELIBERATELY VULNERABLE, lab only: a single-page app without PKCE whose redirect URI the server
 * matches by prefix (oidc-provider's check wrapped for this client id alone, lib/oidc/weak-clients.ts),
 * so `<origin>/callback/../anywhere` passes. Registered for /attacks only.
 */
export const spaLooseRedirect: LabClient = {
  client_id: LOOSE_REDIRECT_CLIENT,
  type: 'public',
  metadata: metadata('Attack lab app, redirect URI matched by prefix, no PKCE (deliberately vulnerable)'),
  weaknesses: { pkceRequired: false, redirectUriMatching: 'prefix' },
};

/**
 * The same app with the defense: its redirect URI compared as an exact string, oidc-provider's own rule.
 * Still without PKCE (deliberately vulnerable), so that only the redirect URI check differs.
 */
export const spaExactRedirect: LabClient = {
  client_id: EXACT_REDIRECT_CLIENT,
  type: 'public',
  metadata: metadata('Attack lab app, redirect URI matched exactly, no PKCE (deliberately vulnerable)'),
  weaknesses: { pkceRequired: false },
};
