import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { OidcStorage } from '../storage';
import { clientPrivateKey } from './client-keys';

/** RFC 7523 §2.2: how a client assertion is named in the token request. */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Seconds an assertion is valid: one request's worth (RFC 7523 §3 asks for `exp`; short limits replay). */
export const CLIENT_ASSERTION_LIFETIME = 60;

/**
 * A client assertion (RFC 7523 §3): `iss` and `sub` are the client_id, `aud` the server it is for, `jti`
 * a fresh identifier the server remembers to refuse a replay, `iat` and `exp` a short lifetime. Signed
 * with the client's private key, on the server.
 */
export async function signClientAssertion(
  storage: OidcStorage,
  clientId: string,
  aud: string,
  now = Date.now(),
): Promise<string> {
  const jwk = await clientPrivateKey(storage, clientId);
  const key = await importJWK(jwk, jwk.alg);
  const iat = Math.floor(now / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: jwk.alg, kid: jwk.kid, typ: 'JWT' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(aud)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + CLIENT_ASSERTION_LIFETIME)
    .sign(key);
}
