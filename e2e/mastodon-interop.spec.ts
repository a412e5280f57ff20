import megalodon from 'megalodon';
import { expect, test } from './fixtures';
import { authorizeInBrowser } from './flows/authorize';
import { ORIGIN } from './support/origin';

// A real Mastodon client library (megalodon 10.0.5, which runs on Node 20) against the playground,
// with real Chromium for the authorization server's pages.

// megalodon is CommonJS with an ES default export; from an ES module its default is one level down.
const generator = (megalodon as unknown as { default: typeof megalodon }).default ?? megalodon;

test('megalodon registers an app, authorizes alice, posts a direct toot, reads it back and revokes', async ({
  page,
}) => {
  const client = generator('mastodon', ORIGIN);
  const app = await client.registerApp('Megalodon interop', {
    scopes: ['read', 'write', 'profile'],
    redirect_uris: `${ORIGIN}/callback`,
    website: 'https://github.com/h3poteto/megalodon',
  });
  expect(app.client_id).toBeTruthy();
  expect(app.url).toMatch(new RegExp(`^${ORIGIN}/oauth/authorize\\?`));

  const callback = await authorizeInBrowser(page, app.url!);
  const code = callback.searchParams.get('code');
  expect(code).toBeTruthy();
  const token = await client.fetchAccessToken(app.client_id, app.client_secret, code!, `${ORIGIN}/callback`);
  expect(token.access_token).toBeTruthy();
  expect(token.scope).toBe('read write profile');

  const alice = generator('mastodon', ORIGIN, token.access_token);
  const me = await alice.verifyAccountCredentials();
  expect(me.data).toMatchObject({ username: 'alice', acct: 'alice' });

  const posted = await alice.postStatus('My first toot, from the OAuth2 Playground', {
    visibility: 'direct',
  });
  const status = posted.data as { id: string; visibility: string; content: string };
  expect(status).toMatchObject({
    visibility: 'direct',
    content: '<p>My first toot, from the OAuth2 Playground</p>',
  });

  const home = await alice.getHomeTimeline();
  expect(home.data.map((s) => s.id)).toContain(status.id);

  await client.revokeToken(app.client_id, app.client_secret, token.access_token);
  await expect(alice.verifyAccountCredentials()).rejects.toMatchObject({ response: { status: 401 } });
});
