import type { Page } from '@playwright/test';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { expect, test } from './fixtures';
import { authorizeInBrowser } from './flows/authorize';
import { client, configure } from './support/oidc-client';
import { API_RESOURCE, ISSUER, ORIGIN } from './support/origin';

// The authorization server driven by a standard OAuth client library (openid-client 6), with real
// Chromium for the pages a person sees.

const CALLBACK = `${ORIGIN}/callback`;
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/jwks`));

test('discovery and RFC 8414 metadata describe the same issuer under /oidc', async ({ request }) => {
  const config = await configure('playground-web', { secret: 'playground-web-secret' });
  const metadata = config.serverMetadata();
  expect(metadata.issuer).toBe(ISSUER);
  expect(metadata.token_endpoint).toBe(`${ISSUER}/token`);
  expect(metadata.grant_types_supported).toEqual(
    expect.arrayContaining([
      'authorization_code',
      'refresh_token',
      'client_credentials',
      'password',
      'urn:ietf:params:oauth:grant-type:device_code',
      'implicit',
    ]),
  );
  expect(metadata.response_types_supported).toEqual(['code', 'id_token token', 'id_token']);
  expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
  for (const endpoint of [
    'introspection_endpoint',
    'revocation_endpoint',
    'registration_endpoint',
    'pushed_authorization_request_endpoint',
    'userinfo_endpoint',
    'end_session_endpoint',
  ] as const) {
    expect(metadata[endpoint], endpoint).toMatch(new RegExp(`^${ISSUER}/`));
  }
  expect(metadata.dpop_signing_alg_values_supported).toBeDefined();
  const rfc8414 = await request.get('/.well-known/oauth-authorization-server/oidc');
  expect(rfc8414.status()).toBe(200);
  expect(await rfc8414.json()).toMatchObject({ issuer: ISSUER, token_endpoint: `${ISSUER}/token` });
});

test('dynamic client registration (RFC 7591) creates a client that can use client credentials at once', async () => {
  const registered = await client.dynamicClientRegistration(
    new URL(ISSUER),
    {
      client_name: 'Interop test service',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    undefined,
    { execute: [client.allowInsecureRequests] },
  );
  const metadata = registered.clientMetadata();
  expect(metadata.client_id).toBeTruthy();
  expect(metadata.client_secret).toBeTruthy();
  const tokens = await client.clientCredentialsGrant(registered, { scope: 'read', resource: API_RESOURCE });
  expect(tokens.token_type).toBe('bearer');
});

test('a registered client’s malformed authorization request gets the error page, not a redirect off-site (RFC 9700 §4.11.2)', async () => {
  const registration = await fetch(`${ISSUER}/reg`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      redirect_uris: ['https://evil.example/landing'],
      token_endpoint_auth_method: 'none',
    }),
  });
  expect(registration.status).toBe(201);
  const { client_id } = (await registration.json()) as { client_id: string };
  const malformed = new URLSearchParams({
    client_id,
    redirect_uri: 'https://evil.example/landing',
    response_type: 'bogus',
    scope: 'openid',
  });
  const response = await fetch(`${ISSUER}/auth?${malformed}`, { redirect: 'manual' });
  expect(response.headers.get('location')).toBeNull();
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('unsupported_response_type');
});

test('dynamic registration accepts the password and device grants for learners’ own clients', async () => {
  const registered = await client.dynamicClientRegistration(
    new URL(ISSUER),
    {
      client_name: 'Learner TV',
      grant_types: ['password', 'urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      response_types: [],
      redirect_uris: [],
    },
    undefined,
    { execute: [client.allowInsecureRequests] },
  );
  expect(registered.clientMetadata().grant_types).toEqual([
    'password',
    'urn:ietf:params:oauth:grant-type:device_code',
    'refresh_token',
  ]);
  const tokens = await client.genericGrantRequest(registered, 'password', {
    username: 'bob',
    password: 'builder',
    scope: 'openid',
  });
  expect(decodeJwt(tokens.id_token!).sub).toBe('bob');
});

test('client credentials issue a verifiable JWT access token (RFC 9068) for the playground API', async () => {
  const config = await configure('playground-service', { secret: 'playground-service-secret' });
  const tokens = await client.clientCredentialsGrant(config, {
    scope: 'read write:statuses',
    resource: API_RESOURCE,
  });
  const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, {
    issuer: ISSUER,
    audience: API_RESOURCE,
    typ: 'at+jwt',
  });
  expect(protectedHeader.alg).toBe('ES256');
  expect(payload).toMatchObject({
    client_id: 'playground-service',
    sub: 'playground-service',
    scope: 'read write:statuses',
  });
  expect(tokens.expires_in).toBe(600);
});

test('client credentials without a resource issue an opaque token that introspection describes', async () => {
  const config = await configure('playground-service', { secret: 'playground-service-secret' });
  const tokens = await client.clientCredentialsGrant(config);
  expect(tokens.access_token.split('.')).toHaveLength(1);
  const introspection = await client.tokenIntrospection(config, tokens.access_token);
  expect(introspection).toMatchObject({
    active: true,
    client_id: 'playground-service',
    token_type: 'Bearer',
  });
});

test('authorization code with PKCE through our pages, then userinfo, introspection and refresh with rotation', async ({
  page,
}) => {
  const config = await configure('playground-web', { secret: 'playground-web-secret' });
  const code_verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid profile email offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(code_verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    prompt: 'consent',
  });
  const callback = await authorizeInBrowser(page, url);
  expect(callback.searchParams.get('state')).toBe(state);
  expect(callback.searchParams.get('iss')).toBe(ISSUER);

  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: code_verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  const claims = tokens.claims()!;
  expect(claims).toMatchObject({ sub: 'alice', iss: ISSUER, aud: 'playground-web', nonce });
  expect(tokens.refresh_token).toBeTruthy();
  expect(tokens.scope).toBe('openid profile email offline_access');

  const userinfo = await client.fetchUserInfo(config, tokens.access_token, 'alice');
  expect(userinfo).toMatchObject({ sub: 'alice', name: 'Alice Liddell', email: 'alice@example.com' });

  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
  expect(refreshed.refresh_token).toBeTruthy();
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

  expect(await client.tokenIntrospection(config, refreshed.access_token)).toMatchObject({
    active: true,
    sub: 'alice',
  });
  expect(await client.tokenIntrospection(config, refreshed.refresh_token!)).toMatchObject({ active: true });

  // Reusing a rotated refresh token is taken as theft: it is refused and every token of the grant is
  // revoked (RFC 9700 section 4.14.2), so the newest tokens stop working too.
  await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
    error: 'invalid_grant',
  });
  expect(await client.tokenIntrospection(config, refreshed.refresh_token!)).toEqual({ active: false });
  expect(await client.tokenIntrospection(config, refreshed.access_token)).toEqual({ active: false });
});

/** An authorization request without a code_challenge: refused at the redirect URI, naming PKCE. */
async function authorizeWithoutPkce(page: Page, config: client.Configuration, state: string) {
  await page.goto(
    String(client.buildAuthorizationUrl(config, { redirect_uri: CALLBACK, scope: 'openid', state })),
  );
  await page.waitForURL((u) => u.href.startsWith(CALLBACK));
  const refused = new URL(page.url());
  expect(refused.searchParams.get('error')).toBe('invalid_request');
  expect(refused.searchParams.get('error_description')).toMatch(/PKCE/);
  return refused;
}

test('a confidential client must use PKCE too (RFC 9700 §2.1.1): its secret does not stop code injection', async ({
  page,
}) => {
  const config = await configure('playground-web', { secret: 'playground-web-secret' });
  const refused = await authorizeWithoutPkce(page, config, 'no-pkce');
  expect(refused.searchParams.get('state')).toBe('no-pkce');
});

test('a public client must use PKCE, and its code exchange works without a secret', async ({ page }) => {
  const config = await configure('playground-spa', { method: 'none' });
  await authorizeWithoutPkce(page, config, 's1');

  const code_verifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid',
    code_challenge: await client.calculatePKCECodeChallenge(code_verifier),
    code_challenge_method: 'S256',
    state: 's2',
  });
  const callback = await authorizeInBrowser(page, url, { username: 'bob', password: 'builder' });
  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: code_verifier,
    expectedState: 's2',
  });
  expect(tokens.claims()!.sub).toBe('bob');
});

test('pushed authorization requests (PAR) work with our pages', async ({ page }) => {
  const config = await configure('playground-web', { secret: 'playground-web-secret' });
  const code_verifier = client.randomPKCECodeVerifier();
  const url = await client.buildAuthorizationUrlWithPAR(config, {
    redirect_uri: CALLBACK,
    scope: 'openid',
    code_challenge: await client.calculatePKCECodeChallenge(code_verifier),
    code_challenge_method: 'S256',
    state: 'par-state',
  });
  expect(url.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
  const callback = await authorizeInBrowser(page, url);
  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: code_verifier,
    expectedState: 'par-state',
  });
  expect(tokens.claims()!.sub).toBe('alice');
});

test('DPoP binds a client credentials token to the client’s key', async () => {
  const config = await configure('playground-service', { secret: 'playground-service-secret' });
  const DPoP = client.getDPoPHandle(config, await client.randomDPoPKeyPair('ES256'));
  const tokens = await client.clientCredentialsGrant(
    config,
    { scope: 'read', resource: API_RESOURCE },
    { DPoP },
  );
  expect(tokens.token_type).toBe('dpop');
  const { payload } = await jwtVerify(tokens.access_token, jwks, { audience: API_RESOURCE });
  expect((payload.cnf as { jkt?: string }).jkt).toBeTruthy();
});

test('the password grant through a client library, then revocation (RFC 7009)', async () => {
  const config = await configure('playground-first-party', { secret: 'playground-first-party-secret' });
  const tokens = await client.genericGrantRequest(config, 'password', {
    username: 'alice',
    password: 'wonderland',
    scope: 'openid offline_access',
  });
  expect(decodeJwt(tokens.id_token!).sub).toBe('alice');
  expect(tokens.refresh_token).toBeTruthy();
  await expect(
    client.genericGrantRequest(config, 'password', { username: 'alice', password: 'nope', scope: 'openid' }),
  ).rejects.toMatchObject({ error: 'invalid_grant', error_description: 'invalid username or password' });

  expect(await client.tokenIntrospection(config, tokens.access_token)).toMatchObject({ active: true });
  await client.tokenRevocation(config, tokens.access_token);
  expect(await client.tokenIntrospection(config, tokens.access_token)).toEqual({ active: false });
  // oidc-provider takes the MAY of RFC 7009 section 2.1: revoking the access token revokes its refresh token too.
  expect(await client.tokenIntrospection(config, tokens.refresh_token!)).toEqual({ active: false });
});

test('the device authorization grant (RFC 8628), with the user code entered in Chromium', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const config = await configure('playground-tv', { method: 'none' });
  const device = await client.initiateDeviceAuthorization(config, { scope: 'openid offline_access' });
  expect(device.user_code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
  expect(device.verification_uri).toBe(`${ISSUER}/device`);

  const polling = client.pollDeviceAuthorizationGrant(config, device);
  await page.goto(device.verification_uri);
  await expect(page.getByRole('heading', { name: 'Connect a device' })).toBeVisible();
  await page.getByLabel('Code').fill(device.user_code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm the device' })).toBeVisible();
  await expect(page.getByText(device.user_code)).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('wonderland');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByRole('heading', { name: 'Device connected' })).toBeVisible();

  const tokens = await polling;
  expect(tokens.claims()!.sub).toBe('alice');
  expect(tokens.refresh_token).toBeTruthy();
});

test('an unknown or expired device code is refused on the page with a clear message', async ({ page }) => {
  await page.goto(`${ISSUER}/device`);
  await page.getByLabel('Code').fill('BCDF-GHJK');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText(/not valid or has expired/);
});

test('implicit id_token token returns verifiable tokens in the fragment', async ({ page }) => {
  const nonce = client.randomNonce();
  const url = new URL(`${ISSUER}/auth`);
  url.search = new URLSearchParams({
    client_id: 'playground-implicit',
    response_type: 'id_token token',
    redirect_uri: CALLBACK,
    scope: 'openid profile',
    state: 'implicit-state',
    nonce,
  }).toString();
  const callback = await authorizeInBrowser(page, url);
  expect(callback.search).toBe('');
  const fragment = new URLSearchParams(callback.hash.slice(1));
  expect(fragment.get('state')).toBe('implicit-state');
  expect(fragment.get('token_type')).toBe('Bearer');
  const { payload } = await jwtVerify(fragment.get('id_token')!, jwks, {
    issuer: ISSUER,
    audience: 'playground-implicit',
  });
  expect(payload).toMatchObject({ sub: 'alice', nonce });
  expect(payload.at_hash).toBeTruthy();
  await expect(page.getByRole('definition').filter({ hasText: 'implicit-state' })).toBeVisible();
});

test('plain response_type=token is refused as unsupported', async ({ page }) => {
  await page.goto(
    `${ISSUER}/auth?client_id=playground-implicit&response_type=token&redirect_uri=${encodeURIComponent(CALLBACK)}&scope=openid&state=t`,
  );
  await page.waitForURL((u) => u.href.startsWith(CALLBACK));
  const callback = new URL(page.url());
  const params = callback.hash ? new URLSearchParams(callback.hash.slice(1)) : callback.searchParams;
  expect(params.get('error')).toBe('unsupported_response_type');
});

test('Deny on the consent page sends access_denied back to the client', async ({ page }) => {
  const config = await configure('playground-web', { secret: 'playground-web-secret' });
  const code_verifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(code_verifier),
    code_challenge_method: 'S256',
    state: 'deny-state',
    prompt: 'consent',
  });
  const callback = await authorizeInBrowser(page, url, { consent: 'deny' });
  expect(callback.searchParams.get('error')).toBe('access_denied');
  expect(callback.searchParams.get('state')).toBe('deny-state');
  await expect(
    client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: code_verifier,
      expectedState: 'deny-state',
    }),
  ).rejects.toMatchObject({ error: 'access_denied' });
});
