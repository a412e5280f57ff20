import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessToken, whoAmI, type Expected } from './resource-server-alg';

const issuer = 'http://localhost:3000/oidc';
const audience = 'http://localhost:3000/api';
let expected: Expected;
let bobsToken: string;

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** What the attacker makes of a real token: its claims with sub changed, alg none, no signature. */
const forge = (token: string, sub: string) => {
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as object;
  return `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64({ ...payload, sub })}.`;
};

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  expected = {
    issuer,
    audience,
    keys: createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256' }] } as JSONWebKeySet),
  };
  bobsToken = await new SignJWT({ client_id: 'lab-api-reader', scope: 'read' })
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' })
    .setSubject('bob')
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
});

const call = (token: string, policy: 'trusts-alg' | 'pinned') =>
  whoAmI(
    new Request('http://localhost:3000/x', { headers: { authorization: `Bearer ${token}` } }),
    policy,
    expected,
  );

describe('JWT algorithm confusion (RFC 8725)', () => {
  it('accepts a real token under both policies', async () => {
    expect((await verifyAccessToken(bobsToken, 'trusts-alg', expected)).sub).toBe('bob');
    expect((await verifyAccessToken(bobsToken, 'pinned', expected)).sub).toBe('bob');
  });

  it('lets a resource server that trusts alg take an unsigned token claiming alice (the vulnerability)', async () => {
    const response = await call(forge(bobsToken, 'alice'), 'trusts-alg');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ sub: 'alice', checked_by: 'trusts-alg' });
  });

  it('refuses the forged token once the algorithm and key are pinned (RFC 8725 §3.1)', async () => {
    const response = await call(forge(bobsToken, 'alice'), 'pinned');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'invalid_token',
      error_description: expect.stringMatching(/alg|Algorithm|signature|JWS/i),
    });
  });

  it('refuses a real token whose signature was changed, under both policies', async () => {
    const [header, , signature] = bobsToken.split('.');
    const tampered = `${header}.${b64({ sub: 'alice', iss: issuer, aud: audience })}.${signature}`;
    expect((await call(tampered, 'trusts-alg')).status).toBe(401);
    expect((await call(tampered, 'pinned')).status).toBe(401);
  });

  it('answers a request without a token with invalid_token', async () => {
    const response = await whoAmI(new Request('http://localhost:3000/x'), 'pinned', expected);
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe('invalid_token');
  });

  it('answers garbage with invalid_token, never a 500', async () => {
    expect((await call('not-a-jwt', 'trusts-alg')).status).toBe(401);
    expect((await call('not-a-jwt', 'pinned')).status).toBe(401);
  });
});
