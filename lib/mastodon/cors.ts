/**
 * Mastodon lets any origin call its API from a browser: `/api/*`, `POST /oauth/token`,
 * `POST /oauth/revoke` and `/.well-known/*`. No credentials (cookies) are involved, so `*` is safe.
 */
const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key, Accept, DPoP',
  'access-control-expose-headers':
    'Link, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, WWW-Authenticate, DPoP-Nonce',
  'access-control-max-age': '86400',
};

export function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

export const preflight = () => new Response(null, { status: 204, headers: CORS_HEADERS });
