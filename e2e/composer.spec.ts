import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { approveDeviceOnSecondScreen } from './flows/device';
import { RequestComposer } from './pages/request-composer';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';

// "Send your own request": a learner writes requests on a challenge page, the playground's server sends
// them as the demo client chosen, and they land in the learner's trace like any other.

type Recorded = {
  seq: number;
  request: { method: string; url: string; headers: Array<[string, string]>; body: string | null };
  response: { status: number; body: string | null };
};

async function traceOf(page: Page): Promise<Recorded[]> {
  return ((await (await page.request.get('/api/trace')).json()) as { events: Recorded[] }).events;
}

test('a client credentials token as a confidential demo client, its secret added on the server and never shown', async ({
  page,
}) => {
  await page.goto('/challenges/read-only-for-bob');
  const composer = new RequestComposer(page);
  await expect(composer.region.getByRole('heading', { name: 'Send your own request' })).toBeVisible();
  // By keyboard: a row added takes the focus, a row removed gives it back to "Add".
  const addHeader = composer.region.getByRole('button', { name: 'Add a header' });
  await addHeader.press('Enter');
  await expect(composer.region.getByLabel('Header 1 name')).toBeFocused();
  await composer.region.getByRole('button', { name: 'Remove header 1' }).press('Enter');
  await expect(addHeader).toBeFocused();
  await composer.send({
    path: '/oidc/token',
    client: 'playground-service',
    form: { grant_type: 'client_credentials', scope: 'read' },
  });
  await expect(composer.answer.getByRole('heading')).toHaveText('The answer: HTTP 200');
  await expect(composer.answer).toContainText(
    'Authorization: Basic, playground-service’s client_id and secret',
  );
  const token = await composer.answerJson<{ access_token: string; token_type: string; scope: string }>();
  expect(token).toMatchObject({ token_type: 'Bearer', scope: 'read' });
  // The secret, plain or in its Basic encoding, is nowhere in the composer. (The learner's own HTTP log
  // beside it shows the request as sent, as every walkthrough's log does; on the projector it is masked,
  // below.)
  const basic = Buffer.from('playground-service:playground-service-secret').toString('base64');
  await expect(composer.region).not.toContainText('playground-service-secret');
  await expect(composer.region).not.toContainText(basic);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Recorded in this learner's trace, as the client sent it: HTTP Basic, the form as written.
  const sent = (await traceOf(page)).findLast((event) => event.request.url.endsWith('/oidc/token'))!;
  expect(sent.request.method).toBe('POST');
  expect(sent.request.headers).toContainEqual(['authorization', `Basic ${basic}`]);
  expect(new URLSearchParams(sent.request.body!).get('grant_type')).toBe('client_credentials');
  expect(JSON.parse(sent.response.body!)).toMatchObject({ access_token: token.access_token });

  // And the token works at the playground's API, sent through the composer as a Bearer header.
  await composer.send({
    method: 'GET',
    path: '/api/v1/apps/verify_credentials',
    headers: { Authorization: `Bearer ${token.access_token}` },
  });
  await expect(composer.answer.getByRole('heading')).toHaveText('The answer: HTTP 200');
  expect((await traceOf(page)).at(-1)!.request.url).toMatch(/\/api\/v1\/apps\/verify_credentials$/);

  // The projector rule: in the presenter view the whole page, the log with these requests included,
  // shows neither the secret nor the token.
  await page.goto('/challenges/read-only-for-bob?present=1');
  const log = page.getByRole('region', { name: 'HTTP exchanges' });
  await expect(log.getByText('/api/v1/apps/verify_credentials').first()).toBeVisible();
  for (const secret of ['playground-service-secret', basic, token.access_token])
    await expect(page.locator('body')).not.toContainText(secret);
});

test('a malformed request is refused with a clear reason and not sent; an endpoint’s refusal is shown as it came', async ({
  page,
}) => {
  await page.goto('/challenges/read-only-for-bob');
  const composer = new RequestComposer(page);
  const before = (await traceOf(page)).length;

  await composer.send({
    path: 'https://attacker.example/oidc/token',
    form: { grant_type: 'client_credentials' },
  });
  await expect(composer.answer.getByRole('alert')).toHaveText(
    /^Not sent: path: must be a path on the playground, such as \/oidc\/token, not an absolute URL/,
  );
  await composer.send({ path: '/oidc/token', headers: { Cookie: 'playground_learner=someone-else' } });
  await expect(composer.answer.getByRole('alert')).toContainText(
    'headers.0.name: the server sets this header itself',
  );
  await composer.send({ method: 'GET', path: '/oidc/me', form: { access_token: 'x' } });
  await expect(composer.answer.getByRole('alert')).toContainText('a GET request has no body');
  expect((await traceOf(page)).length).toBe(before);

  // Well-formed for the composer, but not for the token endpoint: no client authenticated.
  await composer.send({ path: '/oidc/token', form: { grant_type: 'client_credentials' } });
  await expect(composer.answer.getByRole('heading')).toHaveText('The answer: HTTP 400');
  expect(await composer.answerJson()).toMatchObject({ error: 'invalid_request' });
  const refused = (await traceOf(page)).at(-1)!;
  expect(refused.response.status).toBe(400);
  expect(refused.request.url).toMatch(/\/oidc\/token$/);
});

test('a TV signed in from a phone, its requests written in the composer: the challenge is solved', async ({
  page,
  browser,
}) => {
  await page.goto('/challenges/device-on-another-screen');
  const composer = new RequestComposer(page);
  await composer.send({ path: '/oidc/device/auth', client: 'playground-tv', form: { scope: 'openid' } });
  await expect(composer.answer).toContainText('client_id=playground-tv in the form');
  const device = await composer.answerJson<{
    device_code: string;
    user_code: string;
    verification_uri: string;
  }>();

  const phone = await browser.newContext();
  await approveDeviceOnSecondScreen(phone, device.verification_uri, device.user_code);
  await phone.close();

  await composer.send({
    path: '/oidc/token',
    client: 'playground-tv',
    form: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: device.device_code },
  });
  await expect(composer.answer.getByRole('heading')).toHaveText('The answer: HTTP 200');

  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(result.getByRole('listitem')).toHaveText([
    /^#\d+ POST \/oidc\/device\/auth 200$/,
    /^#\d+ POST \/oidc\/token 200$/,
  ]);
});

/** What "Copy as curl" put on the clipboard. */
async function copied(page: Page, button: ReturnType<Page['getByRole']>) {
  await button.click();
  await expect(button.getByRole('status')).toHaveText('Copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Runs a copied command as the learner's terminal would: in a shell, with curl, at this test server only. */
async function runInTerminal(command: string): Promise<unknown> {
  expect(command).toMatch(new RegExp(`^curl (-X POST )?'${ORIGIN.replace(/[.]/g, '\\.')}/`));
  const { stdout } = await promisify(execFile)(
    '/bin/sh',
    ['-c', command.replace(/^curl /, '/usr/bin/curl -sS ')],
    {
      timeout: 15_000,
    },
  );
  return JSON.parse(stdout) as unknown;
}

async function learnerCookieValue(context: BrowserContext) {
  return (await context.cookies(ORIGIN)).find((cookie) => cookie.name === 'playground_learner')!.value;
}

test('“Copy as curl” in the HTTP log, run from a terminal, lands in the learner’s own trace', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  await walkthrough.next();
  const exchange = walkthrough.httpLog
    .locator('li')
    .filter({ has: page.locator('summary', { hasText: /POST\s+\/oidc\/token\s+200/ }) })
    .first();
  await exchange.locator('summary').click();
  const command = await copied(page, exchange.getByRole('button', { name: 'Copy as curl' }));
  const cookie = await learnerCookieValue(context);
  expect(command).toContain(` -b 'playground_learner=${cookie}'`);
  // Copied, never shown: the cookie's value is nowhere on the page.
  await expect(page.locator('body')).not.toContainText(cookie);

  const before = await traceOf(page);
  expect(await runInTerminal(command)).toMatchObject({ token_type: 'Bearer' });
  const after = await traceOf(page);
  expect(after.length).toBe(before.length + 1);
  const fromTerminal = after.at(-1)!;
  expect(fromTerminal.request.url).toBe(`${ORIGIN}/oidc/token`);
  expect(fromTerminal.response.status).toBe(200);
  expect(fromTerminal.request.headers).toContainEqual(['user-agent', expect.stringMatching(/^curl\//)]);
});

test('the composer’s “Copy as curl” writes the request as the client sends it, and it lands in the trace', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await page.goto('/challenges/read-only-for-bob');
  const composer = new RequestComposer(page);
  await composer.compose({
    path: '/oidc/token',
    client: 'playground-service',
    form: { grant_type: 'client_credentials', scope: 'read' },
  });
  const command = await copied(page, composer.region.getByRole('button', { name: 'Copy as curl' }));
  expect(command).toContain(` -b 'playground_learner=${await learnerCookieValue(context)}'`);
  expect(command).toContain(`-H 'authorization: Basic `);
  await expect(page.locator('body')).not.toContainText('playground-service-secret');

  const before = await traceOf(page);
  expect(await runInTerminal(command)).toMatchObject({ token_type: 'Bearer', scope: 'read' });
  const fromTerminal = (await traceOf(page)).at(-1)!;
  expect(fromTerminal.seq).toBeGreaterThan(before.at(-1)?.seq ?? 0);
  expect(fromTerminal.request.headers).toContainEqual(['user-agent', expect.stringMatching(/^curl\//)]);
  expect(new URLSearchParams(fromTerminal.request.body!).get('grant_type')).toBe('client_credentials');

  // A request the composer refuses is not written either: the reason shows where a send's would.
  await composer.compose({ path: 'https://attacker.example/token' });
  await composer.region.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(composer.answer.getByRole('alert')).toContainText('not an absolute URL');
});

test('the request editor adds a parameter to the next request and removes one, and the server answers what was sent', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  await page.getByRole('button', { name: 'Edit any parameter' }).click();
  await expect(page.getByRole('button', { name: 'Remove grant_type' })).toBeVisible();
  await page.getByLabel('New parameter name').fill('audience');
  await page.getByLabel('New parameter value').fill('my-own');
  await page.getByRole('button', { name: 'Add a parameter' }).click();
  await expect(page.getByLabel('New parameter name')).toBeFocused();
  await expect(page.getByLabel('Value of audience')).toHaveValue('my-own');
  await expect(page.getByLabel('Request about to be sent')).toContainText('audience=my-own');
  await walkthrough.next();
  await expect(page.getByText('sent: 200 OK')).toBeVisible();
  const added = (await traceOf(page)).findLast((event) => event.request.url.endsWith('/oidc/token'))!;
  expect(new URLSearchParams(added.request.body!).get('audience')).toBe('my-own');

  // The same step again, its grant_type left out: the server refuses the request it got.
  await walkthrough.back.click();
  await page.getByRole('button', { name: 'Edit any parameter' }).click();
  await page.getByRole('button', { name: 'Remove grant_type' }).click();
  await expect(page.getByRole('button', { name: 'Put back grant_type' })).toBeVisible();
  await expect(page.getByLabel('Request about to be sent')).not.toContainText('grant_type');
  await walkthrough.nextStep.click();
  await expect(walkthrough.error).toContainText('invalid_request');
  const removed = (await traceOf(page)).at(-1)!;
  expect(removed.request.url).toMatch(/\/oidc\/token$/);
  expect(new URLSearchParams(removed.request.body!).has('grant_type')).toBe(false);
  expect(removed.response.status).toBe(400);
});
