import { expect, test } from './fixtures';
import { bearer, JSON_TYPE, passwordToken, registerApp } from './support/mastodon';
import { ORIGIN } from './support/origin';
import { postForm } from './support/server';

// The resource server: which tokens read an account, who posts, reads and deletes a status, and
// what it adds to the learner's trace.

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
      expect(refused.headers()['content-type']).toContain(JSON_TYPE);
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
