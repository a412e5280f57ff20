import { afterEach, describe, expect, it, vi } from 'vitest';
import { authorizationServerPerFile, basic, form, TEST_ORIGIN } from '../testing/authorization-server';

const testServer = authorizationServerPerFile();
const CLIENT_ID = 'playground-par';
const PARAMETERS = {
  response_type: 'code',
  client_id: CLIENT_ID,
  redirect_uri: `${TEST_ORIGIN}/callback`,
  scope: 'openid',
  state: 'state-1',
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
};

const push = (authorization: string | null = basic(CLIENT_ID, `${CLIENT_ID}-secret`)) =>
  testServer().call('/oidc/request', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(authorization ? { authorization } : {}),
    },
    body: form(PARAMETERS),
  });

describe('pushed authorization requests for the demo client that must push (RFC 9126)', () => {
  it('answers 201 with a request_uri that lives 60 seconds (§2.2)', async () => {
    const response = await push();
    expect(response.status).toBe(201);
    const body = (await response.json()) as { request_uri: string; expires_in: number };
    expect(body.request_uri).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    expect(body.expires_in).toBe(60);
  });

  it('authenticates the client at the PAR endpoint (§2.1)', async () => {
    const response = await push(null);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('sends the browser on to sign in for a pushed request', async () => {
    const { request_uri } = (await (await push()).json()) as { request_uri: string };
    const response = await testServer().call(
      `/oidc/auth?${new URLSearchParams({ client_id: CLIENT_ID, request_uri })}`,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/interaction\//);
  });

  it('refuses a classic request from this client, at its redirect URI, with the state it sent (§6)', async () => {
    const response = await testServer().call(`/oidc/auth?${new URLSearchParams(PARAMETERS)}`);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${TEST_ORIGIN}/callback`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      error: 'invalid_request',
      error_description: 'Pushed Authorization Request must be used',
      state: 'state-1',
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a request_uri past its 60 seconds with the same invalid_request_uri', async () => {
    const { request_uri } = (await (await push()).json()) as { request_uri: string };
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    const response = await testServer().call(
      `/oidc/auth?${new URLSearchParams({ client_id: CLIENT_ID, request_uri })}`,
    );
    expect(response.status).toBe(303);
    expect(Object.fromEntries(new URL(response.headers.get('location')!).searchParams)).toMatchObject({
      error: 'invalid_request_uri',
      error_description: 'request_uri is invalid, expired, or was already used',
    });
  });

  it('refuses an unknown request_uri with invalid_request_uri at the registered redirect URI', async () => {
    const response = await testServer().call(
      `/oidc/auth?${new URLSearchParams({ client_id: CLIENT_ID, request_uri: 'urn:ietf:params:oauth:request_uri:nope' })}`,
    );
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${TEST_ORIGIN}/callback`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      error: 'invalid_request_uri',
      error_description: 'request_uri is invalid, expired, or was already used',
    });
  });
});
