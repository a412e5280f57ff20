import AxeBuilder from '@axe-core/playwright';
import { createHash, randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { approveDeviceOnSecondScreen } from './flows/device';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';

// Challenges done by a scripted learner, as the goal says, and graded by the server from its own records.

/** The PKCE walkthrough up to its answered token request, with the scope and account given. */
async function redeemACode(page: Page, account: 'alice' | 'bob', scope?: string) {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code-pkce');
  // A run left at its end resumes there: a fresh one starts at the authorization request.
  const first = 'Send the browser to the authorization server, with a code_challenge';
  if ((await walkthrough.stepTitle.textContent()) !== first) {
    await walkthrough.restart.click();
    await expect(walkthrough.stepTitle).toHaveText(first);
  }
  if (scope) await page.getByLabel('scope', { exact: true }).fill(scope);
  await walkthrough.next();
  const as = new AuthorizationServerPage(page);
  // Signed in already from an earlier run in this browser, the server asks only for consent.
  await expect(as.username.or(as.allowButton).first()).toBeVisible();
  if (await as.username.isVisible()) await as.signIn(account, account === 'bob' ? 'builder' : 'wonderland');
  await as.allow();
  await page.waitForURL(/\/grants\//);
  await walkthrough.next();
  await expect(walkthrough.stepTitle).toHaveText('Exchange the code and the code_verifier for tokens');
  await walkthrough.next();
  await expect(page.getByText('sent: 200 OK')).toBeVisible();
}

type Recorded = {
  request: { method: string; url: string; body: string | null };
  response: { status: number; body: string | null };
};

/** The learner's own trace, as GET /api/trace answers it (what curl with the cookie would read). */
async function traceOf(page: Page): Promise<Recorded[]> {
  return ((await (await page.request.get('/api/trace')).json()) as { events: Recorded[] }).events;
}

const formPost = (data: string) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  data,
});

async function check(page: Page, slug: string) {
  await page.goto(`/challenges/${slug}`);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('heading')).toBeVisible();
  return result;
}

test('the challenges are listed, each with its goal, hints one at a time, and a way to be shown', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Take a challenge' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Challenges');
  await page.getByRole('link', { name: 'A token for bob that can only read' }).click();
  await expect(page.getByText('Goal:')).toBeVisible();
  await expect(page.getByRole('link', { name: 'RFC 9700 §2.3' })).toHaveAttribute(
    'href',
    /rfc9700#section-2\.3$/,
  );
  const hints = page
    .getByRole('region', { name: 'Hints' })
    .or(page.locator('section[aria-labelledby="hints"]'));
  await page.getByRole('button', { name: 'Show a hint' }).click();
  await expect(hints.getByRole('listitem')).toHaveCount(1);
  await expect(hints.getByRole('listitem').first()).toBeFocused();
  await page.getByRole('button', { name: 'Show another hint' }).click();
  await page.keyboard.press('Shift+Tab');
  await page.getByRole('button', { name: 'Show another hint' }).press('Enter');
  await expect(hints.getByRole('listitem')).toHaveCount(3);
  await expect(hints.getByRole('listitem').nth(2)).toBeFocused();
  await expect(page.getByRole('button', { name: /Show (a|another) hint/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Authorization code with PKCE' })).toHaveAttribute(
    'href',
    '/grants/authorization-code-pkce',
  );
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('a token for bob that can only read: alice’s or a writing one is “Not yet”, bob’s read-only one is solved', async ({
  page,
}) => {
  const nothing = await check(page, 'read-only-for-bob');
  await expect(nothing).toContainText('Not yet');
  await expect(nothing).toContainText('No access token has been issued for an authorization code');

  await redeemACode(page, 'bob', 'openid read write');
  const tooWide = await check(page, 'read-only-for-bob');
  await expect(tooWide).toContainText('Not yet');
  await expect(tooWide).toContainText('but its scope includes write');

  await redeemACode(page, 'bob', 'openid read');
  const solved = await check(page, 'read-only-for-bob');
  await expect(solved.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(solved).toContainText('bob’s, with the scope “openid read”');
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Solved');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The progress is kept: on the list, on the home page, until the learner resets it.
  await page.goto('/challenges');
  const card = page.getByRole('listitem').filter({ hasText: 'A token for bob that can only read' });
  await expect(card).toContainText('Your progress: Solved');
  await expect(page.getByText(/You have solved 1 of \d+\./)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.goto('/');
  await expect(page.getByText(/You have solved 1 of \d+ challenges\./)).toBeVisible();
  await page.goto('/challenges');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset my progress' }).click();
  await expect(card).not.toContainText('Solved');
  await expect(page.getByRole('button', { name: 'Reset my progress' })).toHaveCount(0);
});

test('a code works once: the replay is refused, and the first token died with it', async ({ page }) => {
  await redeemACode(page, 'alice');
  // The learner replays the token request by hand (as curl with their cookie would): the same form.
  const redemption = (await traceOf(page)).find(
    (event) =>
      event.request.method === 'POST' &&
      event.request.url.endsWith('/oidc/token') &&
      event.request.body?.includes('grant_type=authorization_code'),
  )!;
  const firstToken = (JSON.parse(redemption.response.body!) as { access_token: string }).access_token;
  const form = formPost(redemption.request.body!);

  const halfway = await check(page, 'replayed-code');
  await expect(halfway).toContainText('not sent to the token endpoint again');

  const replay = await page.request.post('/oidc/token', form);
  expect(replay.status()).toBe(400);
  expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
  const refusal = await check(page, 'replayed-code');
  await expect(refusal).toContainText('Now show that the first access token');

  const dead = await page.request.get('/api/v1/accounts/verify_credentials', {
    headers: { authorization: `Bearer ${firstToken}` },
  });
  expect(dead.status()).toBe(401);
  const solved = await check(page, 'replayed-code');
  await expect(solved.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(solved).toContainText('(invalid_grant)');
  // The exchanges that prove it, as the HTTP log heads them.
  await expect(solved.getByRole('listitem')).toHaveText([
    /^#\d+ POST \/oidc\/token 200$/,
    /^#\d+ POST \/oidc\/token 400$/,
    /^#\d+ GET \/api\/v1\/accounts\/verify_credentials 401$/,
  ]);
});

test('a challenge grades only what the server recorded of this learner', async ({ page, browser }) => {
  // Another learner, in another browser, solves the read-only challenge; this one has done nothing.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await redeemACode(otherPage, 'bob', 'openid read');
  await expect(
    (await check(otherPage, 'read-only-for-bob')).getByRole('heading', { name: 'Solved' }),
  ).toBeVisible();
  await other.close();
  const mine = await check(page, 'read-only-for-bob');
  await expect(mine.getByRole('heading', { name: 'Not yet' })).toBeVisible();
  // And a "solved" posted by hand is not a grade: the check refuses a body that is not its own, and the
  // learner's progress stays as the evidence made it.
  const posted = await page.request.post('/api/challenges/read-only-for-bob/check', {
    data: { solved: true, summary: 'trust me', proof: [1] },
  });
  expect(posted.status()).toBe(400);
  expect(await posted.json()).toMatchObject({ error: 'invalid_request' });
  const { progress } = (await (await page.request.get('/api/challenges/progress')).json()) as {
    progress: Record<string, { status: string }>;
  };
  expect(progress['read-only-for-bob']).toEqual(expect.objectContaining({ status: 'trying' }));
});

test('a rotated refresh token used again: refused, and the grant revoked with it', async ({ page }) => {
  await redeemACode(page, 'alice');
  const redemption = (await traceOf(page)).find(
    (event) => event.request.url.endsWith('/oidc/token') && event.response.status === 200,
  )!;
  const first = (JSON.parse(redemption.response.body!) as { refresh_token: string }).refresh_token;
  const refresh = (token: string) =>
    page.request.post(
      '/oidc/token',
      formPost(
        new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: token,
          client_id: 'playground-spa',
        }).toString(),
      ),
    );
  const rotation = await refresh(first);
  expect(rotation.status()).toBe(200);
  const second = ((await rotation.json()) as { refresh_token: string }).refresh_token;
  expect(second).not.toBe(first);
  await expect(await check(page, 'refresh-token-reuse')).toContainText('the old one has not been sent again');

  expect((await refresh(first)).status()).toBe(400);
  await expect(await check(page, 'refresh-token-reuse')).toContainText('Now try the new one');
  expect((await refresh(second)).status()).toBe(400);
  const solved = await check(page, 'refresh-token-reuse');
  await expect(solved.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(solved).toContainText('the grant is revoked');
});

test('an authorization request pushed first: the PAR walkthrough, done to its tokens, solves it', async ({
  page,
}) => {
  await expect(await check(page, 'pushed-request')).toContainText('No authorization request has been pushed');
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('pushed-authorization-request');
  // Push the request, then send the browser with its reference.
  for (let i = 0; i < 4 && /\/grants\//.test(page.url()); i++) await walkthrough.next();
  const as = new AuthorizationServerPage(page);
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await page.waitForURL(/\/grants\//);
  for (let i = 0; i < 4 && !(await page.getByText('sent: 200 OK').isVisible()); i++) await walkthrough.next();
  const solved = await check(page, 'pushed-request');
  await expect(solved.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(solved).toContainText('opened by reference');
});

/** The device code walkthrough, its code approved in `approver` (this browser, or another one). */
async function connectTheDevice(page: Page, approver: BrowserContext) {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('device-code');
  const first = 'The device asks for a device code and a user code';
  if ((await walkthrough.stepTitle.textContent()) !== first) {
    await walkthrough.restart.click();
    await expect(walkthrough.stepTitle).toHaveText(first);
  }
  await walkthrough.next();
  await walkthrough.next();
  const userCode = (await page.getByLabel('User code').innerText()).trim();
  const verificationUri = await page
    .getByRole('link', { name: 'Open the verification page (new tab)' })
    .getAttribute('href');
  await walkthrough.next();
  await walkthrough.next();
  await approveDeviceOnSecondScreen(approver, verificationUri!, userCode);
  await expect(page.getByRole('heading', { name: 'The response: 200' })).toBeVisible({ timeout: 30_000 });
}

test('a TV signed in from a phone: approving in the same browser is “Not yet”, from another one solves it', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  await connectTheDevice(page, context);
  const sameBrowser = await check(page, 'device-on-another-screen');
  await expect(sameBrowser).toContainText('Not yet');
  await expect(sameBrowser).toContainText('was entered in this very browser');

  const phone = await browser.newContext();
  await connectTheDevice(page, phone);
  await phone.close();
  const solved = await check(page, 'device-on-another-screen');
  await expect(solved.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(solved).toContainText('approved on another screen');
});

test('an authorization request written by hand in the address bar, and its code redeemed by hand', async ({
  page,
}) => {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = (extra: Record<string, string>) =>
    `/oidc/auth?${new URLSearchParams({
      response_type: 'code',
      client_id: 'playground-spa',
      redirect_uri: `${ORIGIN}/callback`,
      scope: 'openid',
      // Asked every time: a second request of this session would otherwise come straight back.
      prompt: 'consent',
      ...extra,
    })}`;
  /** The address bar, the authorization server's pages, and the code the callback page shows. */
  const codeFrom = async (url: string) => {
    await page.goto(url);
    const as = new AuthorizationServerPage(page);
    await expect(as.username.or(as.allowButton).first()).toBeVisible();
    if (await as.username.isVisible()) await as.signIn('alice', 'wonderland');
    await as.allow();
    await page.waitForURL(/\/callback\?/);
    return new URL(page.url()).searchParams.get('code')!;
  };
  const redeem = (code: string) =>
    page.request.post(
      '/oidc/token',
      formPost(
        new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: `${ORIGIN}/callback`,
          client_id: 'playground-spa',
          code_verifier: verifier,
        }).toString(),
      ),
    );

  // The learner reads the challenge first (and so has the playground's learner cookie).
  await page.goto('/challenges/request-by-hand');
  // Without a state first: the server takes it, the challenge does not.
  expect(
    (
      await redeem(await codeFrom(authorize({ code_challenge: challenge, code_challenge_method: 'S256' })))
    ).status(),
  ).toBe(200);
  await expect(await check(page, 'request-by-hand')).toContainText('lacks a state');

  const code = await codeFrom(
    authorize({ state: 'mine', code_challenge: challenge, code_challenge_method: 'S256' }),
  );
  await expect(await check(page, 'request-by-hand')).toContainText('now redeem it');
  expect((await redeem(code)).status()).toBe(200);
  const solved = await check(page, 'request-by-hand');
  await expect(solved.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(solved).toContainText('redeemed with its verifier');
});
