import { securityHeaders } from './lib/http/security-headers.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // oidc-provider relies on constructor.name (adapter model names, TTLs); bundling minifies
  // class names in production builds, so it must stay an external Node package.
  serverExternalPackages: ['oidc-provider', 'ioredis'],
  poweredByHeader: false,
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
