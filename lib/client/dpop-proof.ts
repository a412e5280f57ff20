import { calculateJwkThumbprint, exportJWK, SignJWT, base64url as joseBase64url } from 'jose';

/**
 * A DPoP proof (RFC 9449 §4.2), made where the key lives: in the browser, with WebCrypto. The private
 * key is non-extractable, so a script can have it sign but never read it; the proof carries the public
 * half in its header (jwk), and says which request it is for (htm, htu), when (iat), a unique jti, the
 * hash of the access token it accompanies (ath) and the server's nonce when it asked for one.
 */
export const DPOP_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** A fresh ES256 key pair whose private key cannot be exported (RFC 9449 §2: keep it where it is made). */
export const generateDpopKeyPair = (): Promise<CryptoKeyPair> =>
  crypto.subtle.generateKey(DPOP_ALGORITHM, false, ['sign', 'verify']);

export type ProofFor = {
  htm: string;
  /** The URL, without query or fragment (RFC 9449 §4.2). */
  htu: string;
  accessToken?: string;
  nonce?: string;
};

const base64url = (bytes: ArrayBuffer) => joseBase64url.encode(new Uint8Array(bytes));

/** The public key as the proof's header carries it: only what the thumbprint covers. */
export async function publicJwk(keys: CryptoKeyPair) {
  const { kty, crv, x, y } = await exportJWK(keys.publicKey);
  return { kty, crv, x, y };
}

/** `jkt`: the key's RFC 7638 thumbprint, which a bound token's cnf.jkt names. */
export const dpopThumbprint = async (keys: CryptoKeyPair) => calculateJwkThumbprint(await publicJwk(keys));

export async function signDpopProof(keys: CryptoKeyPair, proof: ProofFor): Promise<string> {
  const htu = new URL(proof.htu);
  htu.search = '';
  htu.hash = '';
  const ath = proof.accessToken
    ? base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(proof.accessToken)))
    : undefined;
  return new SignJWT({
    htm: proof.htm,
    htu: htu.href,
    ...(ath ? { ath } : {}),
    ...(proof.nonce ? { nonce: proof.nonce } : {}),
  })
    .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: await publicJwk(keys) })
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .sign(keys.privateKey);
}
