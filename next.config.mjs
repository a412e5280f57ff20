import { securityHeaders } from './lib/http/security-headers.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // oidc-provider relies on constructor.name (adapter model names, TTLs); bundling minifies
  // class names in production builds, so it must stay an external Node package.
  serverExternalPackages: ['oidc-provider', 'ioredis'],
  poweredByHeader: false,
  experimental: {
    // Next holds the body of a request that passes through proxy.ts (pages, /interaction/*) in
    // memory, 10 MB by default; the playground reads no more than 64 KB of any body
    // (lib/http/body-limit.ts), so one byte over is enough to see that a body is too large.
    proxyClientMaxBodySize: 64 * 1024 + 1,
  },
  // Mastodon.py asks for /api/v1/instance/ and expects an answer, not a redirect.
  skipTrailingSlashRedirect: true,
  async rewrites() {
    return [{ source: '/api/v1/instance/', destination: '/api/v1/instance' }];
  },
  async headers() {
    return securityHeaders();
  },
};

export default nextConfig;
