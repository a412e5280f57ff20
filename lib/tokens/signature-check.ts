import { compactVerify, createLocalJWKSet, createRemoteJWKSet, EmbeddedJWK, type JSONWebKeySet } from 'jose';

/**
 * The signature checks the browser makes on what a step shows: jose's verification and key code, in a
 * module of its own that a page loads when the first signed token is shown (`import()`), not with the
 * page. Each answers whether the signature verifies; a malformed token or key set does not.
 */

const issuerKeySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
const issuerKeys = (origin: string) => {
  const known = issuerKeySets.get(origin);
  if (known) return known;
  const keys = createRemoteJWKSet(new URL('/oidc/jwks', origin));
  issuerKeySets.set(origin, keys);
  return keys;
};

const verifies = (check: () => Promise<unknown>) =>
  check().then(
    () => true,
    () => false,
  );

/** A token the playground's authorization server signed, checked against its published keys (/oidc/jwks). */
export const signedByIssuer = (token: string, origin: string) =>
  verifies(() => compactVerify(token, issuerKeys(origin)));

/** A DPoP proof (RFC 9449 §4.2), checked against the public key its own header carries (jwk). */
export const signedByEmbeddedKey = (token: string) => verifies(() => compactVerify(token, EmbeddedJWK));

/** A client assertion (RFC 7523), checked against the key set the client registered. */
export const signedByKeySet = (token: string, keySet: JSONWebKeySet) =>
  verifies(() => compactVerify(token, createLocalJWKSet(keySet)));
