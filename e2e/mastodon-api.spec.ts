import { expect, test } from './fixtures';
import { authorizeInBrowser } from './flows/authorize';
import { bearer, passwordToken, registerApp } from './support/mastodon';
import { ORIGIN } from './support/origin';
import { postForm, startPlayground } from './support/server';
import { freePort } from '../lib/testing/redis-server';

// Raw HTTP against the playground's Mastodon-compatible endpoints: what each answers, and each error.

const json = 'application/json';

test.describe('instance and discovery', () => {
  test('GET /api/v1/instance answers with and without a trailing slash, as a 4.3 server', async ({
    request,
  }) => {
    for (const path of ['/api/v1/instance', '/api/v1/instance/']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(await response.json()).toMatchObject({
        uri: new URL(ORIGIN).host,
        version: '4.3.0',
        title: 'OAuth2 Playground',
      });
      expect(response.headers()['access-control-allow-origin']).toBe('*');
    }
    const v2 = await request.get('/api/v2/instance');
    expect(await v2.json()).toMatchObject({
      domain: new URL(ORIGIN).host,
      version: '4.3.0',
      api_versions: { mastodon: 2 },
    });
  });

  test('GET /.well-known/oauth-authorization-server has Mastodon’s shape, app_registration_endpoint included', async ({
    request,
  }) => {
    const response = await request.get('/.well-known/oauth-authorization-server');
    expect(response.headers()['access-control-allow-origin']).toBe('*');
    expect(await response.json()).toMatchObject({
      issuer: `${ORIGIN}/`,
      authorization_endpoint: `${ORIGIN}/oauth/authorize`,
      token_endpoint: `${ORIGIN}/oauth/token`,
      revocation_endpoint: `${ORIGIN}/oauth/revoke`,
      app_registration_endpoint: `${ORIGIN}/api/v1/apps`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'password', 'client_credentials'],
      scopes_supported: expect.arrayContaining(['read', 'write', 'write:statuses', 'profile']),
    });
  });

  test('CORS preflight is allowed from any origin on the API and the token endpoints', async ({
    request,
  }) => {
    for (const path of ['/api/v1/statuses', '/oauth/token', '/oauth/revoke', '/api/v1/apps']) {
      const response = await request.fetch(path, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://client.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,idempotency-key',
        },
      });
      expect(response.status(), path).toBe(204);
      expect(response.headers()['access-control-allow-origin']).toBe('*');
      expect(response.headers()['access-control-allow-headers']).toMatch(/Idempotency-Key/);
    }
  });
});

test.describe('POST /api/v1/apps', () => {
  test('registers from JSON with a redirect_uris array', async ({ request }) => {
    const app = await registerApp(request, {
      redirect_uris: [`${ORIGIN}/callback`, 'urn:ietf:wg:oauth:2.0:oob'],
      website: 'https://app.example',
    });
    expect(app).toMatchObject({
      name: 'E2E app',
      website: 'https://app.example',
      scopes: ['read', 'write', 'profile'],
      redirect_uris: [`${ORIGIN}/callback`, 'urn:ietf:wg:oauth:2.0:oob'],
      redirect_uri: `${ORIGIN}/callback\nurn:ietf:wg:oauth:2.0:oob`,
      client_secret_expires_at: 0,
    });
    expect(app.id).toMatch(/^\d+$/);
    expect(app.client_id.length).toBeGreaterThan(30);
    expect(app.client_secret.length).toBeGreaterThan(30);
  });

  test('registers from a form with a newline-separated list (Mastodon.py) and defaults scopes to read', async ({
    request,
  }) => {
    const response = await request.post('/api/v1/apps', {
      form: { client_name: 'Form app', redirect_uris: `${ORIGIN}/callback\nurn:ietf:wg:oauth:2.0:oob` },
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      scopes: ['read'],
      redirect_uris: [`${ORIGIN}/callback`, 'urn:ietf:wg:oauth:2.0:oob'],
    });
  });

  test('registers from multipart with redirect_uris[] fields', async ({ request }) => {
    const response = await request.post('/api/v1/apps', {
      multipart: {
        client_name: 'Multipart app',
        'redirect_uris[]': `${ORIGIN}/callback`,
        scopes: 'read:accounts write:statuses',
      },
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      scopes: ['read:accounts', 'write:statuses'],
      redirect_uris: [`${ORIGIN}/callback`],
    });
  });

  test('answers 422 with Mastodon’s error JSON for a missing name, an unknown scope or a bad redirect URI', async ({
    request,
  }) => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ redirect_uris: `${ORIGIN}/callback` }, /^Validation failed: Application name can't be blank/],
      [
        { client_name: 'x', redirect_uris: `${ORIGIN}/callback`, scopes: 'read admin:everything' },
        /^Validation failed: Scopes are invalid/,
      ],
      [
        { client_name: 'x', redirect_uris: 'not a uri' },
        /^Validation failed: Redirect URI must be an absolute URI/,
      ],
      [{ client_name: 'x' }, /^Validation failed: Redirect URI can't be blank/],
      [{ client_name: 'x'.repeat(61), redirect_uris: `${ORIGIN}/callback` }, /too long/],
    ];
    for (const [data, message] of cases) {
      const response = await request.post('/api/v1/apps', { data });
      expect(response.status(), JSON.stringify(data)).toBe(422);
      expect(response.headers()['content-type']).toContain(json);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
  });

  test('answers 400 for a body that is not JSON', async ({ request }) => {
    const response = await request.post('/api/v1/apps', {
      headers: { 'content-type': json },
      data: Buffer.from('{"client_name":'),
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ error: 'The request body is not valid JSON' });
  });

  test('GET /api/v1/apps/verify_credentials shows the app to its own token, without the secret', async ({
    request,
  }) => {
    const app = await registerApp(request, { client_name: 'Verify me' });
    const token = await request.post('/oauth/token', {
      form: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret },
    });
    const { access_token, scope } = (await token.json()) as { access_token: string; scope: string };
    expect(scope).toBe('read');
    const verified = await request.get('/api/v1/apps/verify_credentials', { headers: bearer(access_token) });
    expect(verified.status()).toBe(200);
    const body = (await verified.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ name: 'Verify me', scopes: ['read', 'write', 'profile'] });
    expect(body.client_secret).toBeUndefined();
    expect((await request.get('/api/v1/apps/verify_credentials')).status()).toBe(401);
  });
});

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
    expect(noClient.headers()['content-type']).toContain(json);
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

test.describe('accounts and statuses', () => {
  test('verify_credentials: the user for a user token, 422 for an app token, 403 without the scope, 401 without a token', async ({
    request,
  }) => {
    const app = await registerApp(request);
    const alice = await passwordToken(app);
    const response = await request.get('/api/v1/accounts/verify_credentials', { headers: bearer(alice) });
    expect(await response.json()).toMatchObject({
      id: '1',
      username: 'alice',
      acct: 'alice',
      display_name: 'Alice Liddell',
      source: { privacy: 'public' },
    });

    const appToken = (
      (await (
        await request.post('/oauth/token', {
          form: {
            grant_type: 'client_credentials',
            scope: 'read',
            client_id: app.client_id,
            client_secret: app.client_secret,
          },
        })
      ).json()) as { access_token: string }
    ).access_token;
    const asApp = await request.get('/api/v1/accounts/verify_credentials', { headers: bearer(appToken) });
    expect(asApp.status()).toBe(422);
    expect(await asApp.json()).toEqual({ error: 'This method requires an authenticated user' });

    const writeOnly = await passwordToken(app, { scope: 'write' });
    const outside = await request.get('/api/v1/accounts/verify_credentials', { headers: bearer(writeOnly) });
    expect(outside.status()).toBe(403);
    expect(await outside.json()).toEqual({ error: 'This action is outside the authorized scopes' });

    for (const headers of [{}, bearer('not-a-token'), bearer('a.b.c')]) {
      const refused = await request.get('/api/v1/accounts/verify_credentials', { headers });
      expect(refused.status()).toBe(401);
      expect(refused.headers()['content-type']).toContain(json);
    }
  });

  test('accepts a JWT access token (RFC 9068) issued for the playground API', async ({ request }) => {
    const response = await postForm(
      `${ORIGIN}/oidc/token`,
      {
        grant_type: 'password',
        username: 'bob',
        password: 'builder',
        scope: 'read:accounts',
        resource: `${ORIGIN}/api`,
      },
      { id: 'playground-first-party', secret: 'playground-first-party-secret' },
    );
    const { access_token } = (await response.json()) as { access_token: string };
    expect(access_token.split('.')).toHaveLength(3);
    const account = await request.get('/api/v1/accounts/verify_credentials', {
      headers: bearer(access_token),
    });
    expect(account.status()).toBe(200);
    expect(await account.json()).toMatchObject({ username: 'bob' });
  });

  test('posts a direct toot, honours Idempotency-Key, and shows it only to its author', async ({
    request,
  }) => {
    const app = await registerApp(request, { client_name: 'Toot app' });
    const alice = await passwordToken(app);
    const bob = await passwordToken(app, { username: 'bob', password: 'builder' });
    const post = () =>
      request.post('/api/v1/statuses', {
        headers: { ...bearer(alice), 'idempotency-key': `key-${app.client_id}` },
        data: { status: 'Hello <fediverse> & friends', visibility: 'direct' },
      });
    const first = await post();
    expect(first.status()).toBe(200);
    const status = (await first.json()) as {
      id: string;
      content: string;
      visibility: string;
      application: { name: string };
      account: { username: string };
    };
    expect(status).toMatchObject({
      visibility: 'direct',
      content: '<p>Hello &lt;fediverse&gt; &amp; friends</p>',
      application: { name: 'Toot app' },
      account: { username: 'alice' },
    });
    expect(((await (await post()).json()) as { id: string }).id).toBe(status.id);

    expect((await request.get(`/api/v1/statuses/${status.id}`, { headers: bearer(alice) })).status()).toBe(
      200,
    );
    const hidden = await request.get(`/api/v1/statuses/${status.id}`, { headers: bearer(bob) });
    expect(hidden.status()).toBe(404);
    expect(await hidden.json()).toEqual({ error: 'Record not found' });
    expect((await request.get(`/api/v1/statuses/${status.id}`)).status()).toBe(404);

    const home = (await (
      await request.get('/api/v1/timelines/home', { headers: bearer(alice) })
    ).json()) as Array<{ id: string }>;
    expect(home[0]!.id).toBe(status.id);
    const publicTimeline = (await (await request.get('/api/v1/timelines/public')).json()) as Array<{
      id: string;
    }>;
    expect(publicTimeline.map((s) => s.id)).not.toContain(status.id);
  });

  test('a public toot is readable without a token and listed on the public timeline; only its author deletes it', async ({
    request,
  }) => {
    const app = await registerApp(request);
    const alice = await passwordToken(app);
    const bob = await passwordToken(app, { username: 'bob', password: 'builder' });
    const status = (await (
      await request.post('/api/v1/statuses', {
        headers: bearer(alice),
        form: { status: 'Public hello\nsecond line', visibility: 'public' },
      })
    ).json()) as { id: string; content: string };
    expect(status.content).toBe('<p>Public hello<br />second line</p>');
    expect((await request.get(`/api/v1/statuses/${status.id}`)).status()).toBe(200);
    const timeline = await request.get('/api/v1/timelines/public?limit=1');
    expect(((await timeline.json()) as Array<{ id: string }>).map((s) => s.id)).toEqual([status.id]);
    expect(timeline.headers().link).toContain(`max_id=${status.id}`);

    expect((await request.delete(`/api/v1/statuses/${status.id}`, { headers: bearer(bob) })).status()).toBe(
      404,
    );
    const deleted = await request.delete(`/api/v1/statuses/${status.id}`, { headers: bearer(alice) });
    expect(deleted.status()).toBe(200);
    expect(await deleted.json()).toMatchObject({ id: status.id, text: 'Public hello\nsecond line' });
    expect((await request.get(`/api/v1/statuses/${status.id}`)).status()).toBe(404);
  });

  test('refuses statuses that are blank, too long or of an unknown visibility, and tokens without write', async ({
    request,
  }) => {
    const app = await registerApp(request);
    const alice = await passwordToken(app);
    const cases: Array<[Record<string, string>, string]> = [
      [{ status: '   ' }, "Validation failed: Text can't be blank"],
      [{ status: 'x'.repeat(501) }, 'Validation failed: Text character limit of 500 exceeded'],
      [
        { status: 'hi', visibility: 'friends-only' },
        'Validation failed: Visibility is not included in the list',
      ],
    ];
    for (const [form, error] of cases) {
      const response = await request.post('/api/v1/statuses', { headers: bearer(alice), form });
      expect(response.status()).toBe(422);
      expect(await response.json()).toEqual({ error });
    }
    const readOnly = await passwordToken(app, { scope: 'read' });
    const refused = await request.post('/api/v1/statuses', {
      headers: bearer(readOnly),
      form: { status: 'hi' },
    });
    expect(refused.status()).toBe(403);
    expect((await request.get('/api/v1/statuses/999999', { headers: bearer(alice) })).status()).toBe(404);
    expect((await request.get('/api/v1/timelines/home')).status()).toBe(401);
  });

  test('the API’s exchanges, the resource server’s introspection included, reach the learner’s trace', async ({
    context,
    learnerCookie,
  }) => {
    const request = context.request;
    const app = await registerApp(request);
    // From the learner's browser context, so the token request carries the learner's cookie too.
    const issued = await request.post('/oauth/token', {
      form: {
        grant_type: 'password',
        username: 'alice',
        password: 'wonderland',
        scope: 'read',
        client_id: app.client_id,
        client_secret: app.client_secret,
      },
    });
    expect(issued.status()).toBe(200);
    const token = ((await issued.json()) as { access_token: string }).access_token;
    await request.get('/api/v1/accounts/verify_credentials', {
      headers: { ...bearer(token), cookie: learnerCookie },
    });
    const events = (
      (await (await request.get('/api/trace')).json()) as {
        events: Array<{ from: string; to: string; request: { method: string; url: string } }>;
      }
    ).events;
    const lines = events.map(
      (e) => `${e.from} -> ${e.to} ${e.request.method} ${new URL(e.request.url).pathname}`,
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'client -> authorization-server POST /api/v1/apps',
        'client -> authorization-server POST /oauth/token',
        'resource-server -> authorization-server POST /oidc/token/introspection',
        'client -> resource-server GET /api/v1/accounts/verify_credentials',
      ]),
    );
    const introspection = lines.indexOf(
      'resource-server -> authorization-server POST /oidc/token/introspection',
    );
    expect(introspection).toBeLessThan(
      lines.indexOf('client -> resource-server GET /api/v1/accounts/verify_credentials'),
    );
  });
});

test('app registration is rate-limited per address with 429 and Retry-After', async () => {
  const server = await startPlayground({ port: await freePort(), env: { APP_REGISTRATION_LIMIT: '2' } });
  try {
    const register = () =>
      fetch(`${server.origin}/api/v1/apps`, {
        method: 'POST',
        headers: { 'content-type': json },
        body: JSON.stringify({ client_name: 'x', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob' }),
      });
    expect((await register()).status).toBe(200);
    expect((await register()).status).toBe(200);
    const limited = await register();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(await limited.json()).toEqual({ error: 'Too many requests' });
  } finally {
    await server.stop();
  }
});
