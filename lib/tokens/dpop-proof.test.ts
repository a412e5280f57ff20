import { calculateJwkThumbprint, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { accessTokenHash } from '../oidc/dpop-resource-server';
import { generateDpopKeyPair, publicJwk, signDpopProof } from '../client/dpop-proof';
import {
  accessTokenHashInBrowser,
  checkDpopProof,
  confirmationThumbprint,
  decodeDpopProof,
} from './dpop-proof';

const TOKEN_URL = 'http://localhost:3000/oidc/token';
const API_URL = 'http://localhost:3000/api/v1/accounts/verify_credentials';

/** An unsigned JWT access token naming a key thumbprint, as a DPoP-bound token does (RFC 9449 §6.1). */
const boundToken = (jkt: string) =>
  `${btoa(JSON.stringify({ alg: 'none' }))}.${btoa(JSON.stringify({ cnf: { jkt } }))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')}.`;

describe('a DPoP proof decoded and explained (RFC 9449 §4.2)', () => {
  it('lists the header (typ, alg, jwk) and the claims (htm, htu, iat, jti, ath, nonce), each explained', async () => {
    const keys = await generateDpopKeyPair();
    const proof = await signDpopProof(keys, { htm: 'GET', htu: API_URL, accessToken: 'at', nonce: 'n-1' });
    const decoded = decodeDpopProof(proof)!;
    expect(decoded.header.map((field) => field.name)).toEqual(['typ', 'alg', 'jwk']);
    expect(decoded.claims.map((field) => field.name)).toEqual(['htm', 'htu', 'iat', 'jti', 'ath', 'nonce']);
    expect(decoded.claims.find((field) => field.name === 'nonce')!.value).toBe('n-1');
    for (const field of [...decoded.header, ...decoded.claims])
      expect(field.meaning.length).toBeGreaterThan(20);
  });

  it('carries only the public key: the jwk has no private part (d)', async () => {
    const keys = await generateDpopKeyPair();
    const decoded = decodeDpopProof(await signDpopProof(keys, { htm: 'POST', htu: TOKEN_URL }))!;
    expect(decoded.jwk).toEqual(await publicJwk(keys));
    expect(decoded.jwk).not.toHaveProperty('d');
    expect(decoded.claims.map((field) => field.name)).not.toContain('ath');
  });

  it('is undefined for something that is not a JWT', () => {
    expect(decodeDpopProof('not-a-proof')).toBeUndefined();
  });

  it('hashes the access token in the browser as the resource server does (ath)', async () => {
    expect(await accessTokenHashInBrowser('some.access.token')).toBe(accessTokenHash('some.access.token'));
  });
});

describe('the checks made again in the browser (RFC 9449 §4.3, RFC 7638)', () => {
  it('passes htm, htu, ath and the thumbprint for the request and token the proof went with', async () => {
    const keys = await generateDpopKeyPair();
    const proof = await signDpopProof(keys, { htm: 'GET', htu: API_URL, accessToken: 'at' });
    const jkt = await calculateJwkThumbprint(await publicJwk(keys));
    const checks = await checkDpopProof(
      decodeDpopProof(proof)!,
      { method: 'GET', url: `${API_URL}?x=1`, accessToken: 'at' },
      boundToken(jkt),
    );
    expect(checks.map((check) => [check.name, check.ok])).toEqual([
      ['htm', true],
      ['htu', true],
      ['ath', true],
      ['jkt', true],
    ]);
    expect(checks.find((check) => check.name === 'jkt')!.says).toContain(jkt);
  });

  it('fails htm and htu for a proof made for another request', async () => {
    const keys = await generateDpopKeyPair();
    const proof = await signDpopProof(keys, {
      htm: 'POST',
      htu: 'http://localhost:3000/api/v1/statuses',
      accessToken: 'at',
    });
    const checks = await checkDpopProof(decodeDpopProof(proof)!, {
      method: 'GET',
      url: API_URL,
      accessToken: 'at',
    });
    expect(checks.filter((check) => !check.ok).map((check) => check.name)).toEqual(['htm', 'htu']);
  });

  it('fails ath for another token, and the thumbprint for a token bound to another key', async () => {
    const keys = await generateDpopKeyPair();
    const other = await generateDpopKeyPair();
    const proof = await signDpopProof(keys, { htm: 'GET', htu: API_URL, accessToken: 'at' });
    const checks = await checkDpopProof(
      decodeDpopProof(proof)!,
      { method: 'GET', url: API_URL, accessToken: 'another' },
      boundToken(await calculateJwkThumbprint(await publicJwk(other))),
    );
    expect(checks.filter((check) => !check.ok).map((check) => check.name)).toEqual(['ath', 'jkt']);
  });

  it('makes no thumbprint check before the run holds a bound token', async () => {
    const keys = await generateDpopKeyPair();
    const proof = await new SignJWT({ htm: 'POST', htu: TOKEN_URL })
      .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: await publicJwk(keys) })
      .sign(keys.privateKey);
    const checks = await checkDpopProof(decodeDpopProof(proof)!, { method: 'POST', url: TOKEN_URL });
    expect(checks.map((check) => check.name)).toEqual(['htm', 'htu']);
    expect(confirmationThumbprint('opaque-token')).toBeUndefined();
  });
});
