import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../config/env';
import { authorizationServerPerFile, form, TEST_ORIGIN } from '../testing/authorization-server';
import { sendAsClientBackend } from './backend';
import { signForTokenRequest, spendClientAssertion } from './backend-assertion';
import { CLIENT_ASSERTION_TYPE } from './client-assertion';
import { clientPrivateKey, publicJwk } from './client-keys';

const testServer = authorizationServerPerFile();
const CLIENT_ID = 'playground-private-key-jwt';
const ISSUER = `${TEST_ORIGIN}/oidc`;
const env = readEnv({ PUBLIC_ORIGIN: TEST_ORIGIN });

// The backend reaches the process's authorization server through authorizationServer(): here, the test's.
beforeAll(() => {
  globalThis.playgroundAuthorizationServer = Promise.resolve(testServer());
});
afterAll(() => {
  globalThis.playgroundAuthorizationServer = undefined;
});

async function send(request: Record<string, unknown>) {
  const response = await sendAsClientBackend(
    new Request(`${TEST_ORIGIN}/api/client/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: CLIENT_ID, request }),
    }),
    env,
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('client backend: the assertions it signs for its private_key_jwt client', () => {
  it('signs for no audience but the issuer and the token endpoint the lesson shows refused', async () => {
    const refused = await send({
      method: 'POST',
      path: '/oidc/token',
      form: { grant_type: 'client_credentials' },
      clientAssertion: { aud: 'https://other-server.example/oauth2/token' },
    });
    expect(refused).toEqual({
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: `clientAssertion.aud must be ${ISSUER} (the issuer) or ${ISSUER}/token (the token endpoint, refused by the server): the backend signs no other audience`,
      },
    });
  });

  it('signs only token requests, not a request to another endpoint of the server', async () => {
    for (const path of ['/oidc/token/introspection', '/oidc/request', '/api/v1/apps/verify_credentials'])
      expect(await send({ method: 'POST', path, clientAssertion: { aud: ISSUER } })).toEqual({
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: 'clientAssertion: the backend signs only token requests (POST /oidc/token)',
        },
      });
  });

  it('shows the browser the public key the authorization server registered for the client, never its private half', async () => {
    const { registeredJwks } = await signForTokenRequest(CLIENT_ID, ISSUER);
    const key = await clientPrivateKey(testServer().storage, CLIENT_ID);
    expect(registeredJwks).toEqual({ keys: [publicJwk(key)] });
  });

  it('hands out only a spent assertion: the server refuses it even if the request never reached it', async () => {
    const { jwt } = await signForTokenRequest(CLIENT_ID, ISSUER);
    await spendClientAssertion(jwt);
    const response = await testServer().call('/oidc/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({
        grant_type: 'client_credentials',
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: jwt,
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});
