/**
 * Security headers for every response, applied by next.config.mjs.
 *
 * The CSP allows inline scripts because Next's App Router bootstraps with inline scripts and the
 * playground's pages render without per-request nonces; everything else is locked to this origin.
 * `connect-src` allows https (and loopback http) because the "try it on Mastodon" flow calls a
 * learner's instance from the browser. OAuth pages send no Referer: an authorization code or state in a
 * URL must not leak to another site.
 *
 * @param {{ dev: boolean }} options
 */
export function securityHeaders({ dev }) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const common = [
    { key: 'Content-Security-Policy', value: csp },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
  return [{ source: '/:path*', headers: common }];
}
