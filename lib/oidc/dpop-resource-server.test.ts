import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  accessTokenHash,
  checkDpopProof,
  dpopChallenge,
  DpopError,
  type RememberOnce,
} from './dpop-resource-server';

const URL_CALLED = 'https://playground.example/api/v1/accounts/verify_credentials';
const TOKEN = 'eyJ.access.token';

async function keyPair() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);
  return { privateKey, jwk, jkt: await calculateJwkThumbprint(jwk) };
}

type Key = Awaited<ReturnType<typeof keyPair>>;

function proof(key: Key, claims: Record<string, unknown> = {}, typ = 'dpop+jwt') {
  return new SignJWT({
    htm: 'GET',
    htu: URL_CALLED,
    ath: accessTokenHash(TOKEN),
    jti: crypto.randomUUID(),
    iat: Math.floor(Date.now() / 1000),
    ...claims,
  })
    .setProtectedHeader({ alg: 'ES256', typ, jwk: key.jwk })
    .sign(key.privateKey);
}

function memory(): RememberOnce {
  const seen = new Map<string, string>();
  return async (key, value) => {
    if (!seen.has(key)) seen.set(key, value);
    return seen.get(key)!;
  };
}

async function refusal(promise: Promise<unknown>): Promise<DpopError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DpopError);
  return error as DpopError;
}

describe('a DPoP proof at the resource server (RFC 9449 §4.3, §7.1)', () => {
  it('accepts a fresh proof by the bound key for this method, URL and token, and answers its claims', async () => {
    const key = await keyPair();
    const claims = await checkDpopProof({
      method: 'GET',
      url: `${URL_CALLED}?limit=1`,
      proof: await proof(key),
      accessToken: TOKEN,
      jkt: key.jkt,
      rememberOnce: memory(),
    });
    expect(claims).toMatchObject({ htm: 'GET', htu: URL_CALLED });
  });

  it('refuses a request without a proof', async () => {
    const key = await keyPair();
    const error = await refusal(
      checkDpopProof({
        method: 'GET',
        url: URL_CALLED,
        proof: null,
        accessToken: TOKEN,
        jkt: key.jkt,
        rememberOnce: memory(),
      }),
    );
    expect(error.error).toBe('invalid_dpop_proof');
  });

  it('refuses a proof made for another method (htm)', async () => {
    const key = await keyPair();
    const error = await refusal(
      checkDpopProof({
        method: 'GET',
        url: URL_CALLED,
        proof: await proof(key, { htm: 'POST' }),
        accessToken: TOKEN,
        jkt: key.jkt,
        rememberOnce: memory(),
      }),
    );
    expect(error.challenge).toBe(
      'DPoP algs="ES256 Ed25519 EdDSA", error="invalid_dpop_proof", error_description="the proof is for POST, this request is GET (htm mismatch)"',
    );
  });

  it('refuses a proof made for another URL (htu)', async () => {
    const key = await keyPair();
    const error = await refusal(
      checkDpopProof({
        method: 'GET',
        url: URL_CALLED,
        proof: await proof(key, { htu: 'https://playground.example/api/v1/statuses' }),
        accessToken: TOKEN,
        jkt: key.jkt,
        rememberOnce: memory(),
      }),
    );
    expect(error.description).toContain('htu mismatch');
  });

  it('refuses a proof for another access token (ath)', async () => {
    const key = await keyPair();
    const error = await refusal(
      checkDpopProof({
        method: 'GET',
        url: URL_CALLED,
        proof: await proof(key, { ath: accessTokenHash('another token') }),
        accessToken: TOKEN,
        jkt: key.jkt,
        rememberOnce: memory(),
      }),
    );
    expect(error.description).toContain('ath');
  });

  it('refuses a proof signed by a key the token is not bound to (cnf.jkt)', async () => {
    const [bound, thief] = [await keyPair(), await keyPair()];
    const error = await refusal(
      checkDpopProof({
        method: 'GET',
        url: URL_CALLED,
        proof: await proof(thief),
        accessToken: TOKEN,
        jkt: bound.jkt,
        rememberOnce: memory(),
      }),
    );
    expect(error.error).toBe('invalid_token');
  });

  it('refuses the same proof twice (jti replay)', async () => {
    const key = await keyPair();
    const once = memory();
    const sent = await proof(key);
    const check = {
      method: 'GET',
      url: URL_CALLED,
      proof: sent,
      accessToken: TOKEN,
      jkt: key.jkt,
      rememberOnce: once,
    };
    await checkDpopProof(check);
    const error = await refusal(checkDpopProof(check));
    expect(error.description).toContain('jti replay');
  });

  it('refuses a JWT that is not a DPoP proof (typ)', async () => {
    const key = await keyPair();
    const error = await refusal(
      checkDpopProof({
        method: 'GET',
        url: URL_CALLED,
        proof: await proof(key, {}, 'JWT'),
        accessToken: TOKEN,
        jkt: key.jkt,
        rememberOnce: memory(),
      }),
    );
    expect(error.error).toBe('invalid_dpop_proof');
  });

  it('refuses a proof issued too long ago (iat)', async () => {
    const key = await keyPair();
    const error = await refusal(
      checkDpopProof({
        method: 'GET',
        url: URL_CALLED,
        proof: await proof(key, { iat: Math.floor(Date.now() / 1000) - 3600 }),
        accessToken: TOKEN,
        jkt: key.jkt,
        rememberOnce: memory(),
      }),
    );
    expect(error.error).toBe('invalid_dpop_proof');
  });

  it('challenges without an error when no token was sent at all', () => {
    expect(dpopChallenge()).toBe('DPoP algs="ES256 Ed25519 EdDSA"');
  });
});
