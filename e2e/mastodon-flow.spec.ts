import http from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { freePort } from '../lib/testing/redis-server';
import { expect, test } from './fixtures';
import { pressOn, tabTo } from './flows/keyboard';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { MastodonFlowPage } from './pages/mastodon-flow-page';
import { ORIGIN } from './support/origin';
import { startPlayground, type Playground } from './support/server';
import { passwordTokenAt, registerAppAt } from './support/mastodon';

// The "try it on your instance" flow in Chromium, against a second copy of the playground on another
// port as the instance: a genuinely cross-origin, Mastodon-compatible server (127.0.0.1, so that its
// cookies are not the first playground's, which lives on localhost).

let instance: Playground;
let limited: Playground;
let htmlServer: http.Server;
let htmlOrigin: string;
// Instances whose metadata points the browser where it must not go, each on its own loopback port.
const badMetadata: Record<string, (origin: string) => Record<string, unknown>> = {
  'a javascript: authorization endpoint': (origin) => ({
    issuer: `${origin}/`,
    authorization_endpoint: 'javascript:alert(document.domain)//',
    token_endpoint: `${origin}/oauth/token`,
  }),
  'an authorization endpoint on another origin': (origin) => ({
    issuer: `${origin}/`,
    authorization_endpoint: 'https://sign-in.example/oauth/authorize',
    token_endpoint: `${origin}/oauth/token`,
  }),
  'the issuer of another server': (origin) => ({
    issuer: 'https://mastodon.example/',
    authorization_endpoint: `${origin}/oauth/authorize`,
    token_endpoint: `${origin}/oauth/token`,
  }),
};
const badServers: http.Server[] = [];
const badOrigins: Record<string, string> = {};

// The servers this file starts serve all its tests: they run in one worker, in order.
test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const [port, limitedPort, htmlPort] = [await freePort(), await freePort(), await freePort()];
  instance = await startPlayground({ port, publicOrigin: `http://127.0.0.1:${port}` });
  limited = await startPlayground({
    port: limitedPort,
    publicOrigin: `http://127.0.0.1:${limitedPort}`,
    env: { APP_REGISTRATION_LIMIT: '1' },
  });
  // A web server that is not Mastodon: an HTML page everywhere, readable by any site (as GitHub Pages is).
  htmlServer = http.createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'access-control-allow-origin': '*',
    });
    response.end('<!DOCTYPE html><title>My homepage</title><h1>Welcome</h1>');
  });
  await new Promise<void>((resolve) => htmlServer.listen(htmlPort, '127.0.0.1', resolve));
  htmlOrigin = `http://127.0.0.1:${htmlPort}`;
  for (const [name, metadata] of Object.entries(badMetadata)) {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    // A tiny JSON server, readable by any site as Mastodon's metadata is; everything else is a 404.
    const server = http.createServer((request, response) => {
      const found = request.url === '/.well-known/oauth-authorization-server';
      response.writeHead(found ? 200 : 404, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
      });
      response.end(JSON.stringify(found ? metadata(origin) : { error: 'Record not found' }));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    badServers.push(server);
    badOrigins[name] = origin;
  }
});

test.afterAll(async () => {
  await Promise.all([instance?.stop(), limited?.stop()]);
  await new Promise((resolve) => htmlServer?.close(resolve));
  await Promise.all(badServers.map((server) => new Promise((resolve) => server.close(resolve))));
});

const instanceOrigin = () => new URL(instance.origin.replace('localhost', '127.0.0.1')).origin;

async function signInAndAllowAtInstance(page: Page) {
  const as = new AuthorizationServerPage(page);
  // Signed in at the instance already (an earlier authorization in this test): straight to consent.
  await expect(as.heading).toHaveText(/Sign in|Authorize OAuth2 Playground/);
  expect(new URL(page.url()).origin).toBe(instanceOrigin());
  if ((await as.heading.innerText()) === 'Sign in') await as.signIn('alice', 'wonderland');
  await as.allow();
  await page.waitForURL(`${ORIGIN}/mastodon`);
}

/** What the playground's own server recorded for this browser: none of it may carry the instance's secrets. */
async function playgroundTrace(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies(ORIGIN)).find((c) => c.name === 'playground_learner');
  const response = await fetch(`${ORIGIN}/api/trace`, {
    headers: { cookie: `playground_learner=${cookie!.value}` },
  });
  return response.text();
}

test('the whole flow on an instance: discover, register, authorize, token, verify, post a toot, revoke', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const flow = new MastodonFlowPage(page);
  await flow.connect(`${instanceOrigin()}/@alice`);
  await expect(flow.stepTitle).toHaveText('Look for the instance’s OAuth metadata');
  await flow.advanceTo('Register the app');
  await expect(flow.summary).toContainText('Mastodon 4.3.0');
  await expect(flow.summary).toContainText('PKCE supported (S256)');
  await flow.press();
  await expect(flow.card).toContainText('The response: 200');
  await flow.press();
  await expect(flow.stepTitle).toHaveText('Send the browser to the instance to authorize the app');
  await flow.nextStep.click();
  await signInAndAllowAtInstance(page);
  await expect(flow.stepTitle).toHaveText('The code comes back to the playground');
  await expect(flow.card).toContainText('Matches what the client sent: checked.');
  await flow.advanceTo('Post a first toot');
  await expect(flow.token('Access token')).toContainText('opaque');
  // The lifetime the summary states is the one in the token answer, read from the log.
  const tokenEntry = flow.httpLog.locator('li').filter({ hasText: 'POST /oauth/token' });
  await tokenEntry.locator('summary').click();
  const answer = await tokenEntry.getByLabel('Response 200').innerText();
  const { expires_in } = JSON.parse(answer.slice(answer.indexOf('{'))) as { expires_in?: number };
  expect(expires_in).toEqual(expect.any(Number));
  await expect(flow.summary).toContainText(`expires_in ${expires_in} (seconds)`);
  await expect(flow.card).not.toContainText('do not expire');

  await expect(flow.token('Access token')).not.toContainText('Introspect');
  expect(await flow.logLines()).toContain('GET /api/v1/accounts/verify_credentials 200');
  // Compose: the text is editable and visibility is direct unless the learner changes it.
  await expect(page.getByLabel('visibility')).toHaveValue('direct');
  const toot = `My first toot through OAuth, ${Date.now()}`;
  await page.getByLabel('Your toot').fill(toot);
  await flow.press('Post');
  await expect(flow.card).toContainText('The response: 200');
  const posted = await flow.httpLog.locator('li').filter({ hasText: 'POST /api/v1/statuses' }).innerText();
  expect(posted).toContain('200');
  const statusId = await page.evaluate(() => {
    const run = JSON.parse(sessionStorage.getItem('playground:walkthrough:mastodon') ?? '{}') as {
      context?: { values?: Record<string, string> };
    };
    return run.context?.values?.status_id;
  });
  const token = await page.evaluate(() => {
    const run = JSON.parse(sessionStorage.getItem('playground:walkthrough:mastodon') ?? '{}') as {
      context?: { tokens?: Record<string, string> };
    };
    return run.context?.tokens?.access_token;
  });
  expect(statusId).toBeTruthy();
  expect(token).toBeTruthy();

  // Read it back from the instance's API, as alice with a token of the test's own.
  const app = await registerAppAt(instanceOrigin(), { client_name: 'Reader', scopes: 'read' });
  const reader = { access_token: await passwordTokenAt(instanceOrigin(), app, { scope: 'read' }) };
  const status = (await (
    await fetch(`${instanceOrigin()}/api/v1/statuses/${statusId}`, {
      headers: { authorization: `Bearer ${reader.access_token}` },
    })
  ).json()) as {
    content: string;
    visibility: string;
    account: { acct: string };
    application?: { name: string };
  };
  expect(status.content).toContain(toot);
  expect(status.visibility).toBe('direct');
  expect(status.account.acct).toBe('alice');

  await flow.press();
  await expect(flow.stepTitle).toHaveText('Revoke the token');
  await flow.press('Revoke token');
  await expect(flow.card).toContainText('The response: 200');
  await flow.press();
  // The flow ends by showing the revoked token refused, in the learner's own log.
  await expect(flow.stepTitle).toHaveText('Call the API with the revoked token');
  await flow.press();
  await expect(flow.card).toContainText('The response: 401');
  await expect(flow.summary).toContainText('revoked: the instance refused it with 401');
  // The last response ends the flow at once: no further press.
  await expect(flow.flowComplete).toBeVisible();
  const refused = await fetch(`${instanceOrigin()}/api/v1/accounts/verify_credentials`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(refused.status).toBe(401);

  const lines = await flow.logLines();
  expect(lines).toEqual([
    'GET /.well-known/oauth-authorization-server 200',
    'GET /api/v2/instance 200',
    'POST /api/v1/apps 200',
    'GET /mastodon/callback 200',
    'POST /oauth/token 200',
    'GET /api/v1/accounts/verify_credentials 200',
    'POST /api/v1/statuses 200',
    'POST /oauth/revoke 200',
    'GET /api/v1/accounts/verify_credentials 401',
  ]);
  // The app's secret and the token stayed in the browser: the playground's server saw neither.
  const app2 = await page.evaluate(() =>
    Object.entries(localStorage).find(([key]) => key.startsWith('playground:mastodon:app:')),
  );
  expect(app2).toBeDefined();
  const { client_secret: secret } = JSON.parse(app2![1]) as { client_secret: string };
  const trace = await playgroundTrace(context);
  expect(trace).not.toContain(secret);
  expect(trace).not.toContain(token!);
  // The diagram shows who talked to whom.
  await expect(page.getByRole('region', { name: 'Diagram' })).toContainText('POST /oauth/token');
});

test('a second visit reuses the app this browser registered; "Forget this app" registers anew', async ({
  page,
}) => {
  const flow = new MastodonFlowPage(page);
  await flow.connect(instanceOrigin());
  await flow.advanceTo('Register the app');
  await flow.press();
  await expect(flow.card).toContainText('The response: 200');
  await flow.restart.click();
  await flow.advanceTo('Register the app');
  await expect(flow.card).toContainText('This browser registered the app on this instance before');
  await expect(flow.summary).toContainText('registered earlier and kept in this browser');
  const savedApp = () =>
    flow.page.evaluate(() =>
      Object.entries(localStorage)
        .filter(([key]) => key.startsWith('playground:mastodon:app:'))
        .map(([, value]) => (JSON.parse(value) as { client_id: string }).client_id),
    );
  const [first] = await savedApp();
  expect(first).toBeTruthy();
  await flow.summary.getByRole('button', { name: 'Forget this app' }).click();
  await expect(flow.summary).toContainText('No app registered from this browser yet.');
  expect(await savedApp()).toEqual([]);
  await flow.advanceTo('Register the app');
  await expect(flow.card).not.toContainText('registered the app on this instance before');
  await flow.press();
  await expect(flow.card).toContainText('The response: 200');
  expect(await flow.logLines()).toContain('POST /api/v1/apps 200');
  const [second] = await savedApp();
  expect(second).toBeTruthy();
  expect(second).not.toBe(first);
});

test('every way of writing the address works, and a bad one is explained before anything is sent', async ({
  page,
}) => {
  const flow = new MastodonFlowPage(page);
  await flow.connect('http://mastodon.social');
  await expect(flow.formError).toContainText('Only https:// addresses are allowed');
  await flow.instanceField.fill('not a domain');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(flow.formError).toContainText('is not');
  await flow.instanceField.fill(`@alice@${new URL(instanceOrigin()).host}`);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(flow.summary).toContainText(instanceOrigin());
});

test('an unreachable instance says "Failed to fetch" and what it can mean', async ({ page }) => {
  const flow = new MastodonFlowPage(page);
  await flow.connect(`http://127.0.0.1:${await freePort()}`);
  await flow.press();
  await expect(flow.error).toContainText('network_error');
  await expect(flow.error).toContainText('Failed to fetch');
  await expect(flow.error).toContainText('CORS');
  await expect(flow.error.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a web server that is not Mastodon is named as such', async ({ page }) => {
  const flow = new MastodonFlowPage(page);
  await flow.connect(htmlOrigin);
  await flow.press();
  await expect(flow.error).toContainText('not_mastodon');
  await expect(flow.error).toContainText('answered 200 with an HTML page');
  await expect(flow.error).toContainText('does not look like a Mastodon-compatible server');
});

for (const [name, reason] of [
  [
    'a javascript: authorization endpoint',
    'points the authorization endpoint at "javascript:alert(document.domain)//"',
  ],
  [
    'an authorization endpoint on another origin',
    '"https://sign-in.example/oauth/authorize", which is not on',
  ],
  ['the issuer of another server', 'names its issuer "https://mastodon.example/"'],
] as const) {
  test(`metadata with ${name} stops the flow with the reason, and the browser goes nowhere`, async ({
    page,
  }) => {
    const visited: string[] = [];
    page.on('framenavigated', (frame) => visited.push(frame.url()));
    page.on(
      'dialog',
      (dialog) => void dialog.dismiss().then(() => visited.push(`dialog: ${dialog.message()}`)),
    );
    const flow = new MastodonFlowPage(page);
    await flow.connect(badOrigins[name]!);
    await flow.press();
    await expect(flow.error).toContainText('invalid_metadata');
    await expect(flow.error).toContainText(reason);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Try it on your Mastodon instance');
    await expect(flow.nextStep).toBeDisabled();
    // Trying again asks the instance again and stops again; nothing ever leaves for the endpoint.
    await flow.error.getByRole('button', { name: 'Try again' }).click();
    await flow.press();
    await expect(flow.error).toContainText(reason);
    expect(visited.every((url) => /^https?:/.test(url))).toBe(true);
    expect(visited.every((url) => new URL(url).origin === ORIGIN)).toBe(true);
  });
}

test('denying on the instance comes back as access_denied, explained', async ({ page }) => {
  const flow = new MastodonFlowPage(page);
  await flow.connect(instanceOrigin());
  await flow.advanceTo('Send the browser to the instance to authorize the app');
  await flow.nextStep.click();
  const as = new AuthorizationServerPage(page);
  await as.signIn('alice', 'wonderland');
  await as.deny();
  await page.waitForURL(`${ORIGIN}/mastodon`);
  await expect(flow.error).toContainText('access_denied');
  await expect(flow.error).toContainText('refused the request');
  expect(await flow.logLines()).not.toContain('POST /oauth/token 200');
});

test('a callback with a tampered state is refused and nothing is exchanged', async ({ page }) => {
  const flow = new MastodonFlowPage(page);
  await flow.connect(instanceOrigin());
  await flow.advanceTo('Send the browser to the instance to authorize the app');
  await flow.nextStep.click();
  await expect(new AuthorizationServerPage(page).heading).toHaveText('Sign in');
  // Instead of the instance's answer, a forged one arrives at the redirect URI.
  await page.goto('/mastodon/callback?code=forged-code&state=forged-state');
  await page.waitForURL(`${ORIGIN}/mastodon`);
  await expect(flow.error).toContainText('state_mismatch');
  await expect(flow.error).toContainText('forged-state');
  const lines = await flow.logLines();
  expect(lines.filter((line) => line.startsWith('POST /oauth/token'))).toEqual([]);
});

test('invalid_client: the saved app no longer works, so the flow registers again once', async ({ page }) => {
  test.setTimeout(90_000);
  const flow = new MastodonFlowPage(page);
  await flow.connect(instanceOrigin());
  await flow.advanceTo('Register the app');
  await flow.press();
  await expect(flow.card).toContainText('The response: 200');
  // The instance forgot the app (here: the saved secret no longer matches).
  await page.evaluate(() => {
    const [key, value] = Object.entries(localStorage).find(([name]) =>
      name.startsWith('playground:mastodon:app:'),
    )!;
    localStorage.setItem(key, JSON.stringify({ ...JSON.parse(value), client_secret: 'no-longer-valid' }));
  });
  await flow.restart.click();
  await flow.advanceTo('Send the browser to the instance to authorize the app');
  await flow.nextStep.click();
  await signInAndAllowAtInstance(page);
  await flow.press();
  await flow.press();
  // The token request fails with invalid_client; the flow forgets the app, registers a new one and
  // stops before authorizing again.
  await expect(page.getByRole('status').filter({ hasText: /Landed on step 5/ })).toBeVisible({
    timeout: 20_000,
  });
  await expect(flow.stepTitle).toHaveText('Send the browser to the instance to authorize the app');
  const lines = await flow.logLines();
  expect(lines).toContain('POST /oauth/token 401');
  expect(lines.at(-1)).toBe('POST /api/v1/apps 200');
  await flow.nextStep.click();
  await signInAndAllowAtInstance(page);
  await flow.advanceTo('Who am I? Verify the credentials');
  expect(await flow.logLines()).toContain('POST /oauth/token 200');
});

test('out of band: the instance shows the code, the learner pastes it', async ({ page, context }) => {
  const flow = new MastodonFlowPage(page);
  await flow.connect(instanceOrigin(), { oob: true });
  await flow.advanceTo('Open the instance’s authorization page');
  const link = flow.card.getByRole('link', { name: 'Open the authorization page (new tab)' });
  await expect(link).toHaveAttribute('target', '_blank');
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  const as = new AuthorizationServerPage(tab);
  await as.signIn('alice', 'wonderland');
  await as.allow();
  const code = await tab.getByRole('textbox', { name: 'Authorization code' }).inputValue();
  await tab.close();
  await flow.press();
  await page.getByLabel('code', { exact: true }).fill(code);
  await flow.press();
  await expect(flow.card).toContainText('The response: 200');
  await expect(flow.token('Access token')).toBeVisible();
});

test('a 429 from the instance gives its Retry-After time', async ({ page }) => {
  // The limited instance allows one registration per address every 10 minutes: use it up.
  await registerAppAt(limited.origin.replace('localhost', '127.0.0.1'), { client_name: 'First' });
  const flow = new MastodonFlowPage(page);
  await flow.connect(limited.origin.replace('localhost', '127.0.0.1'));
  await flow.advanceTo('Register the app');
  await flow.press();
  await expect(flow.error).toContainText('rate_limited');
  await expect(flow.error).toContainText(/Try again in \d+ seconds/);
});

test('the Mastodon page passes an axe scan, before and after connecting', async ({ page }) => {
  await page.goto('/mastodon');
  await expect(page.getByLabel('Instance', { exact: true })).toBeVisible();
  let results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  const flow = new MastodonFlowPage(page);
  await flow.connect(instanceOrigin());
  await flow.press();
  await expect(flow.card).toContainText('The response: 200');
  results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
});

test('keyboard alone: name the instance, connect, and send the first steps', async ({ page }) => {
  const flow = new MastodonFlowPage(page);
  await page.goto('/mastodon');
  await tabTo(page, flow.instanceField);
  await page.keyboard.type(instanceOrigin());
  await page.keyboard.press('Enter');
  await expect(flow.summary).toContainText(instanceOrigin());
  await pressOn(page, 'Next step');
  await expect(flow.card).toContainText('The response: 200');
  await pressOn(page, 'Next step');
  await expect(flow.stepTitle).toHaveText('Ask the instance what it is');
});
