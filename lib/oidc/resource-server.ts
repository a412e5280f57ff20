import type { ResourceServer } from 'oidc-provider';
import { MASTODON_SCOPES } from '../mastodon/scopes';

/** The playground's API is a resource (RFC 8707) named by its URL: the public origin plus this path. */
export const RESOURCE_PATH = '/api';

/**
 * The playground's resource server (its Mastodon-compatible API). Asking for an access token with
 * `resource=<origin>/api` (RFC 8707) gets a JWT access token (RFC 9068) whose `aud` is this identifier;
 * without `resource`, access tokens are opaque and meant for userinfo.
 */
export const resourceIdentifier = (origin: string) => `${origin}${RESOURCE_PATH}`;

export function resourceServerInfo(origin: string): ResourceServer {
  return {
    audience: resourceIdentifier(origin),
    scope: MASTODON_SCOPES.join(' '),
    accessTokenFormat: 'jwt',
    accessTokenTTL: 60 * 60,
    jwt: { sign: { alg: 'ES256' } },
  };
}
