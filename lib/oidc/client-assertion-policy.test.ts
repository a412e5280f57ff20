import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { authorizationServerPerFile, form, TEST_ORIGIN } from '../testing/authorization-server';
import { CLIENT_ASSERTION_TYPE } from '../client/client-assertion';
import { clientPrivateKey } from '../client/client-keys';
import { CLIENT_ASSERTION_MAX_LIFETIME } from './client-assertion-policy';

const testServer = authorizationServerPerFile();
const CLIENT_ID = 'playground-private-key-jwt';
const ISSUER = `${TEST_ORIGIN}/oidc`;

/** An assertion signed with the demo client's real key, with exactly the claims a test needs. */
async function assertion(claims: JWTPayload) {
  const jwk = await clientPrivateKey(testServer().storage, CLIENT_ID);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: CLIENT_ID,
    sub: CLIENT_ID,
    aud: ISSUER,
    jti: crypto.randomUUID(),
    iat: now,
    exp: now + 60,
    ...claims,
  })
    .setProtectedHeader({ alg: jwk.alg!, kid: jwk.kid })
    .sign(await importJWK(jwk, jwk.alg));
}

async function tokenRequest(claims: JWTPayload, path = '/oidc/token') {
  const response = await testServer().call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form({
      ...(path === '/oidc/token' ? { grant_type: 'client_credentials', scope: 'read' } : { token: 'x' }),
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: await assertion(claims),
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const REFUSED = {
  status: 401,
  body: { error: 'invalid_client', error_description: 'client authentication failed' },
};

describe('client assertions as draft-ietf-oauth-rfc7523bis says (CVE-2025-27370, CVE-2025-27371)', () => {
  it('accepts an assertion whose aud is the issuer, as a single string, valid for a minute', async () => {
    expect((await tokenRequest({})).status).toBe(200);
  });

  it('refuses an assertion whose aud is the token endpoint’s URL', async () => {
    expect(await tokenRequest({ aud: `${ISSUER}/token` })).toEqual(REFUSED);
  });

  it('refuses an assertion whose aud is the URL of the endpoint called (introspection)', async () => {
    const refused = await tokenRequest({ aud: `${ISSUER}/token/introspection` }, '/oidc/token/introspection');
    expect(refused).toEqual(REFUSED);
  });

  it('refuses an assertion whose aud is an array, even one holding only the issuer', async () => {
    expect(await tokenRequest({ aud: [ISSUER, 'https://other-server.example'] })).toEqual(REFUSED);
    expect(await tokenRequest({ aud: [ISSUER] })).toEqual(REFUSED);
  });

  it(`refuses an assertion valid for more than ${CLIENT_ASSERTION_MAX_LIFETIME} seconds from iat or nbf`, async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await tokenRequest({ exp: now + 24 * 60 * 60 })).toEqual(REFUSED);
    expect(await tokenRequest({ nbf: now, exp: now + CLIENT_ASSERTION_MAX_LIFETIME + 60 })).toEqual(REFUSED);
  });

  it('refuses an assertion whose exp is far ahead even when its iat is too (signed for later use)', async () => {
    const later = Math.floor(Date.now() / 1000) + 24 * 60 * 60;
    expect(await tokenRequest({ iat: later, exp: later + 60 })).toEqual(REFUSED);
  });

  it('refuses an assertion without iat or nbf: its lifetime cannot be told', async () => {
    expect(await tokenRequest({ iat: undefined })).toEqual(REFUSED);
  });
});
