import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { authorizationServerPerFile, form, TEST_ORIGIN } from '../testing/authorization-server';
import { CLIENT_ASSERTION_TYPE, signClientAssertion } from './client-assertion';
import { clientPrivateKey, signingClientIds } from './client-keys';

const testServer = authorizationServerPerFile();
const CLIENT_ID = 'playground-private-key-jwt';
const ISSUER = `${TEST_ORIGIN}/oidc`;

const tokenRequest = (client_assertion: string) =>
  testServer().call('/oidc/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form({
      grant_type: 'client_credentials',
      scope: 'read',
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion,
    }),
  });

const sign = (aud: string) => signClientAssertion(testServer().storage, CLIENT_ID, aud);

describe('private_key_jwt client authentication (RFC 7523 §2.2) against the real authorization server', () => {
  it('knows the demo client that signs its assertions', () => {
    expect(signingClientIds()).toEqual([CLIENT_ID]);
  });

  it('signs iss, sub, aud, jti, iat and a one-minute exp with the client’s kid', async () => {
    const jwt = await sign(ISSUER);
    const claims = decodeJwt(jwt);
    expect(claims).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID, aud: ISSUER });
    expect(typeof claims.jti).toBe('string');
    expect(claims.exp! - claims.iat!).toBe(60);
    const key = await clientPrivateKey(testServer().storage, CLIENT_ID);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', kid: key.kid, typ: 'JWT' });
  });

  it('registers only the public half of the client’s key', async () => {
    const client = await testServer().provider.Client.find(CLIENT_ID);
    const metadata = client!.metadata();
    expect(metadata.token_endpoint_auth_method).toBe('private_key_jwt');
    expect(metadata.client_secret).toBeUndefined();
    const [registered] = (metadata.jwks as { keys: Array<Record<string, unknown>> }).keys;
    const key = await clientPrivateKey(testServer().storage, CLIENT_ID);
    expect(registered).toMatchObject({ kid: key.kid, x: key.x, y: key.y });
    expect(registered!.d).toBeUndefined();
  });

  it('issues a token for an assertion addressed to the issuer (rfc7523bis: the token endpoint is refused)', async () => {
    const response = await tokenRequest(await sign(ISSUER));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', scope: 'read' });
  });

  it('refuses the same assertion a second time (jti replay) with 401 invalid_client', async () => {
    const jwt = await sign(ISSUER);
    expect((await tokenRequest(jwt)).status).toBe(200);
    const replay = await tokenRequest(jwt);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({
      error: 'invalid_client',
      error_description: 'client authentication failed',
    });
  });

  it('refuses an assertion for the introspection endpoint or another server with 401 invalid_client', async () => {
    for (const aud of [
      `${TEST_ORIGIN}/oidc/token/introspection`,
      'https://other-server.example/oauth2/token',
    ]) {
      const response = await tokenRequest(await sign(aud));
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
    }
  });
});
