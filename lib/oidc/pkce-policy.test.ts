import { describe, expect, it } from 'vitest';
import { registerApp } from '../mastodon/apps';
import { authorizationServerPerFile, TEST_ORIGIN } from '../testing/authorization-server';

const testServer = authorizationServerPerFile();

const CALLBACK = `${TEST_ORIGIN}/callback`;
const authorize = (params: Record<string, string>) =>
  testServer().call(
    `/oidc/auth?${new URLSearchParams({ response_type: 'code', redirect_uri: CALLBACK, ...params })}`,
    {
      redirect: 'manual',
    },
  );
const landing = (response: Response) => new URL(response.headers.get('location') ?? '', TEST_ORIGIN);

describe('PKCE for the authorization code flow (RFC 9700 §2.1.1)', () => {
  it('refuses a confidential client’s authorization request without a code_challenge', async () => {
    const response = await authorize({ client_id: 'playground-web', scope: 'openid', state: 's' });
    const location = landing(response);
    expect(location.href.startsWith(CALLBACK)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('lets the confidential client through with a code_challenge', async () => {
    const response = await authorize({
      client_id: 'playground-web',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    expect(landing(response).pathname).toMatch(/^\/interaction\//);
  });

  it('keeps PKCE optional for an app registered through Mastodon’s POST /api/v1/apps, as Mastodon does', async () => {
    const app = await registerApp(testServer(), {
      client_name: 'No PKCE',
      redirect_uris: CALLBACK,
      scopes: 'read',
    });
    const response = await authorize({ client_id: app.client_id, scope: 'read' });
    expect(landing(response).pathname).toMatch(/^\/interaction\//);
  });

  it('does not let a client registering itself at /oidc/reg claim the Mastodon exception', async () => {
    const response = await testServer().call('/oidc/reg', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirect_uris: [CALLBACK], mastodon_app: true }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_client_metadata' });
  });
});
