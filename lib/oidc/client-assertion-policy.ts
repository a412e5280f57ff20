import { errors, type KoaContextWithOIDC } from 'oidc-provider';

/**
 * Client assertions (private_key_jwt, RFC 7523 §3) as draft-ietf-oauth-rfc7523bis restricts them after
 * the 2025 audience-injection findings (CVE-2025-27370, CVE-2025-27371): `aud` is the authorization
 * server's issuer identifier, as a single string, never its token endpoint's or another endpoint's URL
 * nor an array (a client fooled into signing for such an audience could have its assertion accepted by
 * the wrong server); and an assertion is short-lived, so that one signed for later cannot be kept and
 * used then. oidc-provider has checked the signature, `iss`, `exp` and `jti` before this runs, and
 * remembers the `jti` after it (once only).
 */

/** Seconds an assertion may be valid, from its `iat` or `nbf` to its `exp` and from now to its `exp`. */
export const CLIENT_ASSERTION_MAX_LIFETIME = 300;

const refused = (detail: string) => new errors.InvalidClientAuth(detail);

type Claims = { aud?: unknown; iat?: unknown; nbf?: unknown; exp?: unknown };

/** oidc-provider's `assertJwtClientAuthClaimsAndHeader` hook: throws InvalidClientAuth naming the rule. */
export async function assertClientAssertionClaims(
  ctx: KoaContextWithOIDC,
  claims: Claims,
  now = Math.floor(Date.now() / 1000),
): Promise<void> {
  const issuer = ctx.oidc.issuer;
  if (typeof claims.aud !== 'string')
    throw refused(`aud must be the issuer identifier (${issuer}) as a single string, not an array`);
  if (claims.aud !== issuer)
    throw refused(`aud must be the issuer identifier (${issuer}), not ${claims.aud}`);
  const exp = Number(claims.exp);
  const from = typeof claims.nbf === 'number' ? claims.nbf : claims.iat;
  if (typeof from !== 'number') throw refused('iat (or nbf) is required: the lifetime must be known');
  if (exp - from > CLIENT_ASSERTION_MAX_LIFETIME)
    throw refused(`the assertion is valid for ${exp - from} s; at most ${CLIENT_ASSERTION_MAX_LIFETIME} s`);
  if (exp - now > CLIENT_ASSERTION_MAX_LIFETIME)
    throw refused(`exp is ${exp - now} s ahead; at most ${CLIENT_ASSERTION_MAX_LIFETIME} s`);
}
