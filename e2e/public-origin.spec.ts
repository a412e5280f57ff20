import { expect, test } from '@playwright/test';
import { freePort } from '../lib/testing/redis-server';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';
import { startPlayground, type Playground } from './support/server';

// A class reaches the playground at PUBLIC_ORIGIN (a LAN address, not localhost): every recorded
// exchange, "Sent by … to …" and "Copy as curl" name that origin, never the server's internal one.

type Recorded = { request: { method: string; url: string; headers: Array<[string, string]> } };

let server: Playground;
let publicOrigin: string;

// The servers this file starts serve all its tests: they run in one worker, in order.
test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  const port = await freePort();
  publicOrigin = `http://127.0.0.1:${port}`;
  server = await startPlayground({ port, publicOrigin });
});

test.afterAll(async () => {
  await server?.stop();
});

test('PKCE through token and userinfo at a non-localhost PUBLIC_ORIGIN records and copies that origin', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: publicOrigin });
  const walkthrough = new WalkthroughPage(page);
  await page.goto(`${publicOrigin}/grants/authorization-code-pkce`);
  await expect(walkthrough.nextStep).toBeEnabled();
  await walkthrough.next();
  const as = new AuthorizationServerPage(page);
  await expect(as.heading).toHaveText('Sign in');
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await page.waitForURL(`${publicOrigin}/grants/**`);
  for (let i = 0; i < 20 && !(await walkthrough.flowComplete.isVisible()); i++) await walkthrough.next();
  await expect(walkthrough.flowComplete).toBeVisible();

  const trace = await page.request.get(`${publicOrigin}/api/trace`);
  const { events } = (await trace.json()) as { events: Recorded[] };
  const paths = events.map((event) => `${event.request.method} ${new URL(event.request.url).pathname}`);
  expect(paths).toContain('POST /oidc/token');
  expect(paths).toContain('GET /oidc/me');
  for (const event of events) expect(new URL(event.request.url).origin).toBe(publicOrigin);
  // The token request and userinfo are the browser's own calls (a public client): Host is the public one.
  const token = events.find((event) => event.request.url === `${publicOrigin}/oidc/token`)!;
  expect(token.request.headers).toContainEqual(['host', new URL(publicOrigin).host]);

  await test.step('the log and "Copy as curl" show the token request at the public origin', async () => {
    const exchange = walkthrough.httpLog
      .locator('li')
      .filter({ has: page.locator('summary', { hasText: /POST\s+\/oidc\/token\s+200/ }) })
      .first();
    await exchange.locator('summary').click();
    await expect(exchange.getByText(`${publicOrigin}/oidc/token`, { exact: true })).toBeVisible();
    await expect(exchange).toContainText(`, to ${publicOrigin}.`);
    await exchange.getByRole('button', { name: 'Copy as curl' }).click();
    await expect(exchange.getByRole('status')).toHaveText('Copied');
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toMatch(new RegExp(`^curl -X POST '${publicOrigin.replace(/[.]/g, '\\.')}/oidc/token' `));
    expect(curl).not.toContain('localhost');
  });

  await test.step('userinfo too', async () => {
    const userinfo = walkthrough.httpLog
      .locator('li')
      .filter({ has: page.locator('summary', { hasText: /GET\s+\/oidc\/me\s+200/ }) })
      .first();
    await userinfo.locator('summary').click();
    await expect(userinfo.getByText(`${publicOrigin}/oidc/me`, { exact: true })).toBeVisible();
    await expect(userinfo).toContainText(`, to ${publicOrigin}.`);
    await userinfo.getByRole('button', { name: 'Copy as curl' }).click();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toMatch(
      new RegExp(`^curl '${publicOrigin.replace(/[.]/g, '\\.')}/oidc/me' .*-H 'authorization: Bearer `),
    );
  });
});
