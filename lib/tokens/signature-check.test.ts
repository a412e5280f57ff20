import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signedByEmbeddedKey, signedByKeySet } from './signature-check';

const keyPair = () => generateKeyPair('ES256', { extractable: true });

describe('signature checks made in the browser', () => {
  it('a client assertion verifies against the key set its client registered, and not against another', async () => {
    const client = await keyPair();
    const other = await keyPair();
    const jwt = await new SignJWT({ sub: 'playground-jwt-client' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .sign(client.privateKey);
    const registered = { keys: [{ ...(await exportJWK(client.publicKey)), kid: 'k1', alg: 'ES256' }] };
    const stranger = { keys: [{ ...(await exportJWK(other.publicKey)), kid: 'k1', alg: 'ES256' }] };
    expect(await signedByKeySet(jwt, registered)).toBe(true);
    expect(await signedByKeySet(jwt, stranger)).toBe(false);
    expect(await signedByKeySet(`${jwt.slice(0, -4)}AAAA`, registered)).toBe(false);
    expect(await signedByKeySet('not a jwt', registered)).toBe(false);
  });

  it('a DPoP proof verifies against the key its header carries; a proof whose header names another key does not', async () => {
    const key = await keyPair();
    const other = await keyPair();
    const sign = async (jwkOf: CryptoKey) =>
      new SignJWT({ htm: 'POST', htu: 'http://localhost:3000/oidc/token', jti: 'j1' })
        .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: await exportJWK(jwkOf) })
        .setIssuedAt()
        .sign(key.privateKey);
    expect(await signedByEmbeddedKey(await sign(key.publicKey))).toBe(true);
    expect(await signedByEmbeddedKey(await sign(other.publicKey))).toBe(false);
  });
});
