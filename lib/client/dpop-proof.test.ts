import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { accessTokenHash } from '../oidc/dpop-resource-server';
import { dpopThumbprint, generateDpopKeyPair, signDpopProof } from './dpop-proof';

describe('a DPoP proof made with WebCrypto (RFC 9449 §4.2)', () => {
  it('makes a key pair whose private key cannot be exported', async () => {
    const keys = await generateDpopKeyPair();
    expect(keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', keys.privateKey)).rejects.toThrow();
  });

  it('signs a dpop+jwt that verifies with the public key in its own header', async () => {
    const keys = await generateDpopKeyPair();
    const proof = await signDpopProof(keys, {
      htm: 'POST',
      htu: 'http://localhost:3000/oidc/token?x=1#y',
      nonce: 'server-nonce',
    });
    const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt' });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'dpop+jwt' });
    expect(protectedHeader.jwk).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
    });
    expect(payload).toMatchObject({
      htm: 'POST',
      htu: 'http://localhost:3000/oidc/token',
      nonce: 'server-nonce',
    });
    expect(payload.ath).toBeUndefined();
    expect(typeof payload.jti).toBe('string');
    expect(typeof payload.iat).toBe('number');
  });

  it('binds the proof to the access token with ath, as the resource server computes it', async () => {
    const keys = await generateDpopKeyPair();
    const proof = await signDpopProof(keys, {
      htm: 'GET',
      htu: 'http://localhost:3000/api/v1/x',
      accessToken: 'at',
    });
    const { payload } = await jwtVerify(proof, EmbeddedJWK);
    expect(payload.ath).toBe(accessTokenHash('at'));
  });

  it('uses a new jti for every proof, and names the key by the thumbprint a bound token carries', async () => {
    const keys = await generateDpopKeyPair();
    const request = { htm: 'GET', htu: 'http://localhost:3000/api' };
    const [a, b] = [await signDpopProof(keys, request), await signDpopProof(keys, request)];
    const jti = async (proof: string) => (await jwtVerify(proof, EmbeddedJWK)).payload.jti;
    expect(await jti(a)).not.toBe(await jti(b));
    expect(await dpopThumbprint(keys)).toBe(await calculateJwkThumbprint(decodeProtectedHeader(a).jwk!));
  });
});
