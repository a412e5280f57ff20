import { generateKeyPair, SignJWT, decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { PEER_HEADER } from '../http/peer-address';
import { resourceIdentifier } from '../oidc/resource-server';
import { basic, form, authorizationServerPerFile, TEST_ORIGIN } from '../testing/authorization-server';
import { accessTokenRecords } from './records';

const testServer = authorizationServerPerFile();
const FIRST_PARTY = basic('playground-first-party', 'playground-first-party-secret');

async function tokenFor(account: 'alice' | 'bob', scope: string, resource?: string) {
  const response = await testServer().call('/oidc/token', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: FIRST_PARTY,
      [PEER_HEADER]: '192.0.2.20',
    },
    body: form({
      grant_type: 'password',
      username: account,
      password: account === 'bob' ? 'builder' : 'wonderland',
      scope,
      ...(resource ? { resource } : {}),
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('the authorization server’s records of the tokens it issued', () => {
  it('reads a JWT access token by its signature: subject, client, scopes, audience and expiry', async () => {
    const token = await tokenFor('bob', 'openid read', resourceIdentifier(TEST_ORIGIN));
    expect(token.split('.')).toHaveLength(3);
    // A token for the API carries the API's scopes; openid is for the server's own userinfo.
    expect(await accessTokenRecords(testServer())(token)).toEqual({
      subject: 'bob',
      clientId: 'playground-first-party',
      scopes: ['read'],
      active: true,
      audience: [resourceIdentifier(TEST_ORIGIN)],
      expiresAt: decodeJwt(token).exp,
    });
  });

  it('reads an opaque access token from its stored record, and knows it no more once revoked', async () => {
    const token = await tokenFor('alice', 'openid read write');
    const records = accessTokenRecords(testServer());
    expect(await records(token)).toEqual({
      subject: 'alice',
      clientId: 'playground-first-party',
      scopes: ['openid', 'read', 'write'],
      active: true,
      expiresAt: expect.any(Number),
    });
    const revoked = await testServer().call('/oidc/token/revocation', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: FIRST_PARTY },
      body: form({ token }),
    });
    expect(revoked.status).toBe(200);
    expect(await records(token)).toBeUndefined();
  });

  it('does not know a JWT signed by anyone else, even with the same claims, nor a made-up value', async () => {
    const genuine = decodeJwt(await tokenFor('bob', 'read', resourceIdentifier(TEST_ORIGIN)));
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(genuine)
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' })
      .sign(privateKey);
    const records = accessTokenRecords(testServer());
    expect(await records(forged)).toBeUndefined();
    expect(await records('not-a-token-this-server-issued')).toBeUndefined();
  });
});
