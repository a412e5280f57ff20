import { expect, test } from './fixtures';
import { ORIGIN } from './support/origin';

// What a Mastodon client reads before anything else: the instance, the OAuth metadata and CORS.

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
