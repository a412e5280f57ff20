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

/**
 * The assistant (an agent acting for users) is a resource too: the app a user talks to (its chat app,
 * the only client that gets tokens for it) asks for a token whose audience is the assistant
 * (`resource=<origin>/assistant`), and only the assistant's own client may exchange such a token
 * (RFC 8693) for one to call the API on the user's behalf.
 */
export const ASSISTANT = {
  path: '/assistant',
  clientId: 'playground-assistant',
  appClientId: 'playground-assistant-app',
} as const;

export const assistantIdentifier = (origin: string) => `${origin}${ASSISTANT.path}`;

export function assistantResourceInfo(origin: string): ResourceServer {
  return { ...resourceServerInfo(origin), audience: assistantIdentifier(origin) };
}
