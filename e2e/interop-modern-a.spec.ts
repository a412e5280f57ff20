import { exportJWK, generateKeyPair } from 'jose';
import { expect, test } from './fixtures';
import { authorizeInBrowser } from './flows/authorize';
import { client, configure } from './support/oidc-client';
import { ISSUER, ORIGIN } from './support/origin';

// Pushed authorization requests (RFC 9126) and private_key_jwt (RFC 7523 §2.2) driven by openid-client 6's
// own support for both: nothing of the playground's runs on the client side.

const CALLBACK = `${ORIGIN}/callback`;
const PAR_CLIENT = 'playground-par';

async function pushedAuthorization(config: client.Configuration) {
  const code_verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = await client.buildAuthorizationUrlWithPAR(config, {
    redirect_uri: CALLBACK,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(code_verifier),
    code_challenge_method: 'S256',
    state,
  });
  return { url, code_verifier, state };
}

test('PAR: openid-client pushes the request, the browser carries only client_id and request_uri, and the code is redeemed', async ({
  page,
}) => {
  const config = await configure(PAR_CLIENT, { secret: `${PAR_CLIENT}-secret` });
  expect(config.serverMetadata().pushed_authorization_request_endpoint).toBe(`${ISSUER}/request`);
  const { url, code_verifier, state } = await pushedAuthorization(config);
  expect(`${url.origin}${url.pathname}`).toBe(`${ISSUER}/auth`);
  expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
  expect(url.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);

  const callback = await authorizeInBrowser(page, url);
  expect(callback.searchParams.get('state')).toBe(state);
  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: code_verifier,
    expectedState: state,
  });
  expect(tokens.claims()).toMatchObject({ sub: 'alice', aud: PAR_CLIENT, iss: ISSUER });
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, 'alice');
  expect(userinfo).toMatchObject({ sub: 'alice', name: 'Alice Liddell' });

  // The request_uri was consumed when the code was issued: the same URL is refused.
  await page.goto(String(url));
  await page.waitForURL((landed) => landed.href.startsWith(CALLBACK));
  const reused = new URL(page.url());
  expect(Object.fromEntries(reused.searchParams)).toMatchObject({
    error: 'invalid_request_uri',
    error_description: 'request_uri is invalid, expired, or was already used',
    iss: ISSUER,
  });
  await expect(
    client.authorizationCodeGrant(config, reused, { pkceCodeVerifier: code_verifier }),
  ).rejects.toMatchObject({ error: 'invalid_request_uri' });
});

test('PAR: a classic authorization URL from a client registered to push is refused at its redirect URI', async ({
  page,
}) => {
  const config = await configure(PAR_CLIENT, { secret: `${PAR_CLIENT}-secret` });
  const state = client.randomState();
  const classic = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid',
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
    state,
  });
  await page.goto(String(classic));
  await page.waitForURL((landed) => landed.href.startsWith(CALLBACK));
  const refused = new URL(page.url());
  await expect(
    client.authorizationCodeGrant(config, refused, { expectedState: state }),
  ).rejects.toMatchObject({
    error: 'invalid_request',
    error_description: 'Pushed Authorization Request must be used',
  });
});

test('private_key_jwt: a client registered with its public key gets tokens with assertions openid-client signs', async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const kid = `interop-${Date.now()}`;
  const registered = await client.dynamicClientRegistration(
    new URL(ISSUER),
    {
      client_name: 'Interop private_key_jwt service',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'ES256',
      jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] },
    },
    client.PrivateKeyJwt({ key: privateKey, kid }),
    { execute: [client.allowInsecureRequests] },
  );
  expect(registered.clientMetadata().token_endpoint_auth_method).toBe('private_key_jwt');
  expect(registered.clientMetadata().client_secret).toBeUndefined();
  const first = await client.clientCredentialsGrant(registered, { scope: 'read' });
  expect(first.access_token).toBeTruthy();
  // Each call signs a fresh assertion (a new jti), so a second request is not a replay.
  const second = await client.clientCredentialsGrant(registered, { scope: 'read' });
  expect(second.access_token).not.toBe(first.access_token);

  // Signed by another key than the registered one: the server refuses the client.
  const { privateKey: stranger } = await generateKeyPair('ES256');
  const impostor = new client.Configuration(
    registered.serverMetadata(),
    registered.clientMetadata().client_id,
    undefined,
    client.PrivateKeyJwt({ key: stranger, kid }),
  );
  client.allowInsecureRequests(impostor);
  await expect(client.clientCredentialsGrant(impostor, { scope: 'read' })).rejects.toMatchObject({
    error: 'invalid_client',
    status: 401,
  });
});
