import type { Page } from '@playwright/test';
import { expect, learnerCookieOf, test } from './fixtures';
import { authorizeInBrowser } from './flows/authorize';
import { client, configure } from './support/oidc-client';
import { ORIGIN } from './support/origin';

type Event = {
  seq: number;
  from: string;
  to: string;
  channel: string;
  request: { method: string; url: string; truncated: boolean };
  response: { status: number; headers: [string, string][]; truncated: boolean };
};

const CALLBACK = `${ORIGIN}/callback`;
const line = (method: string, url: string, status: number) => {
  const { pathname, search } = new URL(url);
  return `${method} ${pathname}${search ? '?' : ''} ${status}`;
};

/** Listens to the learner's trace stream from a page of its own, as the walkthrough will. */
async function listen(page: Page) {
  await page.goto('/');
  await page.evaluate(() => {
    const w = window as unknown as { received: unknown[]; source: EventSource };
    w.received = [];
    w.source = new EventSource('/api/trace/stream');
    w.source.addEventListener('exchange', (message) =>
      w.received.push(JSON.parse((message as MessageEvent).data)),
    );
  });
  await page.waitForFunction(() => (window as unknown as { source: EventSource }).source.readyState === 1);
  return () => page.evaluate(() => (window as unknown as { received: Event[] }).received);
}

test('every exchange of an authorization code flow reaches the learner’s trace, complete and in order', async ({
  context,
  learnerCookie,
}) => {
  const listener = await context.newPage();
  const received = await listen(listener);
  const flow = await context.newPage();
  const seen: string[] = [];
  flow.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.startsWith('/oidc') || pathname.startsWith('/interaction')) {
      seen.push(line(response.request().method(), response.url(), response.status()));
    }
  });

  const config = await configure('playground-web', { secret: 'playground-web-secret' }, learnerCookie);
  const code_verifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(code_verifier),
    code_challenge_method: 'S256',
    state: 'trace-state',
    prompt: 'consent',
  });
  const callback = await authorizeInBrowser(flow, url, { username: 'bob', password: 'builder' });
  await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: code_verifier,
    expectedState: 'trace-state',
  });

  // The browser saw these front-channel exchanges; the trace must hold exactly them, then the back channel.
  const expected = [...seen, 'POST /oidc/token 200'];
  await expect
    .poll(async () => (await received()).map((e) => line(e.request.method, e.request.url, e.response.status)))
    .toEqual(expect.arrayContaining(expected));
  const events = (await received()).filter((e) => !e.request.url.includes('/.well-known/'));
  expect(events.map((e) => line(e.request.method, e.request.url, e.response.status))).toEqual(expected);
  expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));

  const first = events[0]!;
  expect(first).toMatchObject({ from: 'resource-owner', to: 'authorization-server', channel: 'front' });
  expect(first.response.status).toBe(303);
  expect(first.response.headers).toContainEqual(['location', expect.stringMatching(/^\/interaction\//)]);
  const login = events.find((e) => e.request.url.endsWith('/login'))!;
  expect(JSON.stringify(login)).not.toContain('builder');
  const token = events.at(-1)!;
  expect(token).toMatchObject({ from: 'client', to: 'authorization-server', channel: 'back' });
  // The recorder cuts long bodies (lib/trace/limits.ts); none of a grant's, sign-in pages included.
  const cut = (await received()).filter((e) => e.request.truncated || e.response.truncated);
  expect(cut.map((e) => line(e.request.method, e.request.url, e.response.status))).toEqual([]);
});

test('a learner reads only their own trace, and a browser without a learner cookie reads none', async ({
  browser,
  context,
  learnerCookie,
}) => {
  const config = await configure(
    'playground-service',
    { secret: 'playground-service-secret' },
    learnerCookie,
  );
  await client.clientCredentialsGrant(config, { scope: 'read' });
  const mine = await context.request.get('/api/trace');
  const myEvents = ((await mine.json()) as { events: Event[] }).events;
  expect(myEvents.some((e) => e.request.url.endsWith('/oidc/token'))).toBe(true);

  const other = await browser.newContext();
  await learnerCookieOf(other);
  const theirs = await other.request.get(`${ORIGIN}/api/trace`);
  expect(((await theirs.json()) as { events: Event[] }).events).toEqual([]);
  await other.close();

  const anonymous = await browser.newContext();
  const refused = await anonymous.request.get(`${ORIGIN}/api/trace/stream`);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: 'no_learner' });
  await anonymous.close();
});

test('the learner cookie is set on the first visit, HttpOnly and SameSite=Lax', async ({ context, page }) => {
  const response = await page.goto('/');
  expect((await response!.allHeaders())['set-cookie']).toMatch(
    /playground_learner=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}; Path=\/; .*HttpOnly; SameSite=lax/i,
  );
  const cookie = (await context.cookies()).find((c) => c.name === 'playground_learner')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  const again = await page.goto('/');
  expect((await again!.allHeaders())['set-cookie']).toBeUndefined();
});
