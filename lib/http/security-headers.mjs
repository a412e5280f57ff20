/**
 * Security headers for every response, applied by next.config.mjs. The Content Security Policy is set
 * where the content is known: pages get theirs, with a nonce, from proxy.ts
 * (lib/http/content-security-policy.ts); the authorization server's own pages from the provider
 * (lib/oidc/content-security-policy.ts). What remains here are the APIs, which answer JSON, redirects
 * and event streams: nothing in them is meant to run or be framed. OAuth pages send no Referer: an
 * authorization code or state in a URL must not leak to another site.
 */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// RFC 6797 §7.2: HSTS only on responses that went out over https, i.e. behind a TLS-terminating proxy.
const OVER_HTTPS = [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }];

export function securityHeaders() {
  const common = [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
  // Lower case: the proxy's header for the one page under these paths (/oauth/authorize/native)
  // then replaces this one instead of being sent beside it.
  const api = [{ key: 'content-security-policy', value: API_POLICY }];
  return [
    { source: '/:path*', headers: common },
    ...['/api/:path*', '/oauth/:path*', '/.well-known/:path*'].map((source) => ({ source, headers: api })),
    {
      source: '/:path*',
      has: OVER_HTTPS,
      headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }],
    },
  ];
}
