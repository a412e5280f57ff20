import { expect, test } from './fixtures';
import { bearer, JSON_TYPE, registerApp } from './support/mastodon';
import { ORIGIN } from './support/origin';
import { startPlayground } from './support/server';
import { freePort } from '../lib/testing/redis-server';

// App registration as Mastodon clients send it (JSON, forms, multipart), its errors and its limit.

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
      expect(response.headers()['content-type']).toContain(JSON_TYPE);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
  });

  test('answers 400 for a body that is not JSON', async ({ request }) => {
    const response = await request.post('/api/v1/apps', {
      headers: { 'content-type': JSON_TYPE },
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

  test('the client credentials demo service’s record lists the scopes its token was granted', async ({
    request,
  }) => {
    const token = await request.post('/oidc/token', {
      form: { grant_type: 'client_credentials', scope: 'read write:statuses' },
      headers: {
        authorization: `Basic ${Buffer.from('playground-service:playground-service-secret').toString('base64')}`,
      },
    });
    const { access_token, scope } = (await token.json()) as { access_token: string; scope: string };
    expect(scope).toBe('read write:statuses');
    const verified = await request.get('/api/v1/apps/verify_credentials', { headers: bearer(access_token) });
    expect(await verified.json()).toMatchObject({ scopes: ['read', 'write:statuses'] });
    // Registered for these two only: a static scope beyond them is refused, not silently granted.
    const beyond = await request.post('/oidc/token', {
      form: { grant_type: 'client_credentials', scope: 'read follow' },
      headers: {
        authorization: `Basic ${Buffer.from('playground-service:playground-service-secret').toString('base64')}`,
      },
    });
    expect(beyond.status()).toBe(400);
    expect(await beyond.json()).toMatchObject({ error: 'invalid_scope' });
  });
});

test('app registration is rate-limited per address with 429 and Retry-After', async () => {
  const server = await startPlayground({ port: await freePort(), env: { APP_REGISTRATION_LIMIT: '2' } });
  try {
    const register = () =>
      fetch(`${server.origin}/api/v1/apps`, {
        method: 'POST',
        headers: { 'content-type': JSON_TYPE },
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
