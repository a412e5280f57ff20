import { expect, test } from './fixtures';
import { authorizeInBrowser } from './flows/authorize';
import { bearer, JSON_TYPE, passwordToken, registerApp } from './support/mastodon';
import { ORIGIN } from './support/origin';

// OAuth on the paths Mastodon clients hard-code (/oauth/authorize, /oauth/token, /oauth/revoke).

test.describe('OAuth on Mastodon’s paths', () => {
  test('GET /oauth/authorize redirects to the authorization server, tolerating Mastodon.py’s None and False', async ({
    request,
  }) => {
    const app = await registerApp(request);
    const response = await request.get(
      `/oauth/authorize?response_type=code&client_id=${app.client_id}&redirect_uri=${encodeURIComponent(`${ORIGIN}/callback`)}&scope=read+write&force_login=False&state=None`,
      { maxRedirects: 0 },
    );
    expect(response.status()).toBe(302);
    const location = new URL(response.headers().location!);
    expect(location.pathname).toBe('/oidc/auth');
    expect(location.searchParams.get('scope')).toBe('read write');
    expect(location.searchParams.has('state')).toBe(false);
    expect(location.searchParams.has('prompt')).toBe(false);
  });

  test('the authorization code flow with PKCE through our pages, exchanged with a JSON body', async ({
    page,
    request,
  }) => {
    const app = await registerApp(request);
    const verifier = 'a'.repeat(43);
    const challenge = Buffer.from(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)),
    ).toString('base64url');
    const authorize = `${ORIGIN}/oauth/authorize?response_type=code&client_id=${app.client_id}&redirect_uri=${encodeURIComponent(`${ORIGIN}/callback`)}&scope=read+write:statuses&state=s1&code_challenge=${challenge}&code_challenge_method=S256`;
    const callback = await authorizeInBrowser(page, authorize);
    expect(callback.searchParams.get('state')).toBe('s1');
    const response = await request.post('/oauth/token', {
      data: {
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code'),
        redirect_uri: `${ORIGIN}/callback`,
        client_id: app.client_id,
        client_secret: app.client_secret,
        code_verifier: verifier,
      },
    });
    expect(response.status()).toBe(200);
    const token = (await response.json()) as Record<string, unknown>;
    expect(token).toMatchObject({ token_type: 'Bearer', scope: 'read write:statuses' });
    expect(typeof token.created_at).toBe('number');
    expect(response.headers()['access-control-allow-origin']).toBe('*');
  });

  test('an out-of-band app gets its code on our page and exchanges it with the oob redirect_uri', async ({
    page,
    request,
  }) => {
    const app = await registerApp(request, { redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read' });
    await authorizeInBrowser(
      page,
      `${ORIGIN}/oauth/authorize?response_type=code&client_id=${app.client_id}&redirect_uri=urn:ietf:wg:oauth:2.0:oob&scope=read`,
      { expectedLanding: `${ORIGIN}/oauth/authorize/native` },
    );
    const code = await page.getByLabel('Authorization code', { exact: true }).inputValue();
    expect(code.length).toBeGreaterThan(20);
    const response = await request.post('/oauth/token', {
      headers: {
        authorization: `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64')}`,
      },
      form: { grant_type: 'authorization_code', code, redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' },
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ scope: 'read', token_type: 'Bearer' });
  });

  test('the out-of-band page shows a known error in its own words and never the address’s error_description', async ({
    page,
  }) => {
    const planted = 'Your account is locked. Call +1 555 0100 to unlock it.';
    await page.goto(
      `/oauth/authorize/native?error=access_denied&error_description=${encodeURIComponent(planted)}`,
    );
    // The page's own alert (Next's route announcer is an alert region too, outside main).
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText('access_denied');
    await expect(alert).toContainText('Access was denied');
    await expect(page.locator('body')).not.toContainText('Call +1 555');

    await page.goto(`/oauth/authorize/native?error=${encodeURIComponent(planted)}`);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('an error this page does not know');
    await expect(page.locator('body')).not.toContainText('Call +1 555');
  });

  test('token errors keep the OAuth wire format', async ({ request }) => {
    const app = await registerApp(request);
    const wrongSecret = await request.post('/oauth/token', {
      form: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: 'nope' },
    });
    expect(wrongSecret.status()).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });
    const wrongPassword = await request.post('/oauth/token', {
      form: {
        grant_type: 'password',
        username: 'bob',
        password: 'nope',
        client_id: app.client_id,
        client_secret: app.client_secret,
      },
    });
    expect(wrongPassword.status()).toBe(400);
    expect(await wrongPassword.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'invalid username or password',
    });
    const badCode = await request.post('/oauth/token', {
      form: {
        grant_type: 'authorization_code',
        code: 'expired-or-made-up',
        redirect_uri: `${ORIGIN}/callback`,
        client_id: app.client_id,
        client_secret: app.client_secret,
      },
    });
    expect(badCode.status()).toBe(400);
    expect(await badCode.json()).toMatchObject({ error: 'invalid_grant' });
    const noClient = await request.post('/oauth/token', { form: { grant_type: 'client_credentials' } });
    expect(noClient.status()).toBe(401);
    expect(noClient.headers()['content-type']).toContain(JSON_TYPE);
  });

  test('POST /oauth/revoke answers {} and the revoked token is refused at once', async ({ request }) => {
    const app = await registerApp(request);
    const token = await passwordToken(app);
    expect(
      (await request.get('/api/v1/accounts/verify_credentials', { headers: bearer(token) })).status(),
    ).toBe(200);
    const revoked = await request.post('/oauth/revoke', {
      form: { client_id: app.client_id, client_secret: app.client_secret, token },
    });
    expect(revoked.status()).toBe(200);
    expect(await revoked.json()).toEqual({});
    const refused = await request.get('/api/v1/accounts/verify_credentials', { headers: bearer(token) });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toEqual({ error: 'The access token is invalid' });
  });
});
