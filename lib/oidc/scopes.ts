import { MASTODON_SCOPES } from '../mastodon/scopes';

/**
 * The scopes this authorization server knows (oidc-provider's `scopes`): OpenID Connect's and
 * Mastodon's. Data only, so that the browser can say which requested scope the server does not know.
 */
export const OIDC_SCOPES = ['openid', 'offline_access', 'profile', 'email'] as const;
export const STATIC_SCOPES: readonly string[] = [...OIDC_SCOPES, ...MASTODON_SCOPES];
