import { describe, expect, it } from 'vitest';
import { registerApp } from '../mastodon/apps';
import { authorizationServerPerFile, TEST_ORIGIN } from '../testing/authorization-server';

const testServer = authorizationServerPerFile();

const OFF_SITE = 'https://evil.example/landing';

async function register(redirectUri: string): Promise<string> {
  const response = await testServer().call('/oidc/reg', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ redirect_uris: [redirectUri], token_endpoint_auth_method: 'none' }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { client_id: string }).client_id;
}

// A malformed request: an unsupported response_type, with the client's registered redirect URI.
const malformed = (clientId: string, redirectUri: string) =>
  testServer().call(
    `/oidc/auth?${new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'bogus', scope: 'openid', state: 's' })}`,
    { redirect: 'manual' },
  );

describe('authorization errors for dynamically registered clients (RFC 9700 §4.11.2)', () => {
  it('shows the error page instead of redirecting a malformed request to a registered off-site URI', async () => {
    const clientId = await register(OFF_SITE);
    const response = await malformed(clientId, OFF_SITE);
    expect(response.headers.get('location')).toBeNull();
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const page = await response.text();
    expect(page).toContain('unsupported_response_type');
    expect(page).not.toContain('evil.example');
    expect(page).toContain('open redirector (RFC 9700 section 4.11.2)');
  });

  it('shows the error page for a registered client even when its redirect URI is on this origin', async () => {
    const callback = `${TEST_ORIGIN}/callback`;
    const response = await malformed(await register(callback), callback);
    expect(response.headers.get('location')).toBeNull();
    expect(response.status).toBe(400);
  });

  it('still redirects the error to a demo client, whose redirect URI the playground registered itself', async () => {
    const callback = `${TEST_ORIGIN}/callback`;
    const response = await malformed('playground-web', callback);
    const location = new URL(response.headers.get('location') ?? '', TEST_ORIGIN);
    expect(location.href.startsWith(callback)).toBe(true);
    expect(location.searchParams.get('error')).toBe('unsupported_response_type');
  });

  it('keeps the usual explanation on the error page for an unknown client', async () => {
    const response = await malformed('no-such-client', `${TEST_ORIGIN}/callback`);
    const page = await response.text();
    expect(page).toContain('could not trust the');
    expect(page).not.toContain('open redirector');
  });

  it('does not post a Mastodon app’s error to its off-site redirect URI with form_post either', async () => {
    const app = await registerApp(testServer(), {
      client_name: 'Form post',
      redirect_uris: 'https://app.example/cb',
      scopes: 'read',
    });
    const response = await testServer().call(
      `/oidc/auth?${new URLSearchParams({
        client_id: app.client_id,
        response_type: 'code',
        response_mode: 'form_post',
        redirect_uri: 'https://app.example/cb',
        scope: 'read',
        prompt: 'none',
      })}`,
    );
    const page = await response.text();
    expect(page).toContain('login_required');
    expect(page).not.toContain('action="https://app.example/cb"');
  });
});
