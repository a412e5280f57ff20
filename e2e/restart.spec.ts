import { createRemoteJWKSet, jwtVerify } from 'jose';
import { expect, test } from '@playwright/test';
import { freePort } from '../lib/testing/redis-server';
import { postForm, startPlayground, tempDataDir } from './support/server';
import { passwordTokenAt, registerAppAt } from './support/mastodon';

const FIRST_PARTY = { id: 'playground-first-party', secret: 'playground-first-party-secret' };

test('a refresh token, registered clients, Mastodon apps and statuses, and the signing keys survive a restart on SQLite', async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  const dataDir = tempDataDir();
  let server = await startPlayground({ port, dataDir });
  const issuer = `${server.origin}/oidc`;

  const registration = await fetch(`${issuer}/reg`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Survivor',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    }),
  });
  expect(registration.status).toBe(201);
  const registered = (await registration.json()) as { client_id: string; client_secret: string };
  const before = (await (
    await postForm(
      `${issuer}/token`,
      { grant_type: 'password', username: 'alice', password: 'wonderland', scope: 'openid offline_access' },
      FIRST_PARTY,
    )
  ).json()) as { refresh_token: string; id_token: string };
  expect(before.refresh_token).toBeTruthy();

  const app = await registerAppAt(server.origin, { client_name: 'Survivor app' });
  const mastodonToken = { access_token: await passwordTokenAt(server.origin, app) };
  const status = (await (
    await fetch(`${server.origin}/api/v1/statuses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mastodonToken.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'Still here after a restart', visibility: 'public' }),
    })
  ).json()) as { id: string };

  await server.stop();
  server = await startPlayground({ port, dataDir });
  try {
    const refreshed = await postForm(
      `${issuer}/token`,
      { grant_type: 'refresh_token', refresh_token: before.refresh_token },
      FIRST_PARTY,
    );
    expect(refreshed.status).toBe(200);
    expect(((await refreshed.json()) as { refresh_token?: string }).refresh_token).toBeTruthy();

    const clientCredentials = await postForm(
      `${issuer}/token`,
      { grant_type: 'client_credentials' },
      { id: registered.client_id, secret: registered.client_secret },
    );
    expect(clientCredentials.status).toBe(200);

    const kept = await fetch(`${server.origin}/api/v1/statuses/${status.id}`);
    expect(kept.status).toBe(200);
    expect(await kept.json()).toMatchObject({
      content: '<p>Still here after a restart</p>',
      application: { name: 'Survivor app' },
    });
    const appToken = await postForm(`${server.origin}/oauth/token`, {
      grant_type: 'client_credentials',
      client_id: app.client_id,
      client_secret: app.client_secret,
    });
    expect(appToken.status).toBe(200);
    const home = await fetch(`${server.origin}/api/v1/timelines/home`, {
      headers: { authorization: `Bearer ${mastodonToken.access_token}` },
    });
    expect(home.status).toBe(200);

    // The ID token signed before the restart still verifies: the keys were kept, not regenerated.
    const { payload } = await jwtVerify(before.id_token, createRemoteJWKSet(new URL(`${issuer}/jwks`)), {
      issuer,
    });
    expect(payload.sub).toBe('alice');
  } finally {
    await server.stop();
  }
});
