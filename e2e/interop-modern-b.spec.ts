import { calculateJwkThumbprint, createRemoteJWKSet, exportJWK, jwtVerify } from 'jose';
import { expect, test } from './fixtures';
import { authorizeInBrowser } from './flows/authorize';
import { client, configure } from './support/oidc-client';
import { API_RESOURCE, ISSUER, ORIGIN } from './support/origin';

// DPoP (RFC 9449) driven by openid-client 6's own DPoP support, against the authorization server and
// the playground's resource server; token exchange (RFC 8693) as a plain form POST, as §2.1 writes it.

const CALLBACK = `${ORIGIN}/callback`;
const ASSISTANT_RESOURCE = `${ORIGIN}/assistant`;
const ACCOUNT = `${ORIGIN}/api/v1/accounts/verify_credentials`;
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/jwks`));
const basic = (id: string) => `Basic ${Buffer.from(`${id}:${id}-secret`).toString('base64')}`;

test('DPoP with openid-client: a bound token (nonce handled by the library), accepted with proofs, refused as Bearer', async ({
  page,
}) => {
  const config = await configure('playground-dpop', { method: 'none' });
  const keyPair = await client.randomDPoPKeyPair('ES256');
  const DPoP = client.getDPoPHandle(config, keyPair);
  const code_verifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'read write',
    resource: API_RESOURCE,
    code_challenge: await client.calculatePKCECodeChallenge(code_verifier),
    code_challenge_method: 'S256',
    state: 'dpop-state',
  });
  const callback = await authorizeInBrowser(page, url);
  // The server requires a nonce of this client: openid-client retries with it on use_dpop_nonce.
  const tokens = await client.authorizationCodeGrant(
    config,
    callback,
    { pkceCodeVerifier: code_verifier, expectedState: 'dpop-state' },
    undefined,
    { DPoP },
  );
  expect(tokens.token_type).toBe('dpop');
  const { payload } = await jwtVerify(tokens.access_token, jwks, {
    issuer: ISSUER,
    audience: API_RESOURCE,
    typ: 'at+jwt',
  });
  expect((payload.cnf as { jkt: string }).jkt).toBe(
    await calculateJwkThumbprint(await exportJWK(keyPair.publicKey)),
  );

  for (const _call of [1, 2]) {
    void _call;
    const response = await client.fetchProtectedResource(
      config,
      tokens.access_token,
      new URL(ACCOUNT),
      'GET',
      null,
      undefined,
      {
        DPoP,
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ username: 'alice' });
  }

  const asBearer = await fetch(ACCOUNT, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  expect(asBearer.status).toBe(401);
  expect(asBearer.headers.get('www-authenticate')).toBe(
    'DPoP algs="ES256 Ed25519 EdDSA", error="invalid_token", error_description="the access token is DPoP-bound: present it with Authorization: DPoP and a proof, not as a Bearer token"',
  );
  const noProof = await fetch(ACCOUNT, { headers: { authorization: `DPoP ${tokens.access_token}` } });
  expect(noProof.status).toBe(401);
  expect(noProof.headers.get('www-authenticate')).toContain('error="invalid_dpop_proof"');
});

test('token exchange as a plain form POST (RFC 8693 §2.1): sub alice, act the assistant, refusals', async ({
  page,
}) => {
  const app = await configure('playground-assistant-app', { method: 'none' });
  const code_verifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(app, {
    redirect_uri: CALLBACK,
    scope: 'read write',
    resource: ASSISTANT_RESOURCE,
    code_challenge: await client.calculatePKCECodeChallenge(code_verifier),
    code_challenge_method: 'S256',
    state: 'te-state',
  });
  const callback = await authorizeInBrowser(page, url);
  const subject = await client.authorizationCodeGrant(app, callback, {
    pkceCodeVerifier: code_verifier,
    expectedState: 'te-state',
  });
  const { payload: subjectClaims } = await jwtVerify(subject.access_token, jwks, {
    audience: ASSISTANT_RESOURCE,
  });
  expect(subjectClaims.sub).toBe('alice');

  const post = (form: Record<string, string>) =>
    fetch(`${ISSUER}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic('playground-assistant'),
      },
      body: new URLSearchParams(form),
    });
  const actor = (await (await post({ grant_type: 'client_credentials' })).json()) as { access_token: string };
  const request = {
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    resource: API_RESOURCE,
    scope: 'read:accounts write:statuses',
    subject_token: subject.access_token,
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    actor_token: actor.access_token,
    actor_token_type: 'urn:ietf:params:oauth:token-type:access_token',
  };
  const response = await post(request);
  expect(response.status).toBe(200);
  const exchanged = (await response.json()) as Record<string, string>;
  expect(exchanged).toMatchObject({
    issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    token_type: 'Bearer',
    scope: 'read:accounts write:statuses',
  });
  const { payload } = await jwtVerify(exchanged.access_token!, jwks, {
    issuer: ISSUER,
    audience: API_RESOURCE,
  });
  expect(payload).toMatchObject({
    sub: 'alice',
    act: { sub: 'playground-assistant' },
    client_id: 'playground-assistant',
  });

  const headers = { authorization: `Bearer ${exchanged.access_token}` };
  expect(await (await fetch(ACCOUNT, { headers })).json()).toMatchObject({ username: 'alice' });
  const status = await fetch(`${ORIGIN}/api/v1/statuses`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ status: 'for alice, by the assistant', visibility: 'direct' }),
  });
  expect(await status.json()).toMatchObject({
    account: { username: 'alice' },
    application: { name: expect.stringContaining('acting for alice (act.sub: playground-assistant)') },
  });

  const wider = await post({ ...request, scope: 'read write follow' });
  expect(wider.status).toBe(400);
  expect(await wider.json()).toMatchObject({ error: 'invalid_scope', scope: 'follow' });
  const elsewhere = await post({ ...request, resource: 'https://mail.example/api' });
  expect(elsewhere.status).toBe(400);
  expect(await elsewhere.json()).toMatchObject({ error: 'invalid_target' });
  // The subject token itself is for the assistant: the API refuses it.
  expect(
    (await fetch(ACCOUNT, { headers: { authorization: `Bearer ${subject.access_token}` } })).status,
  ).toBe(401);
});
