import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { decodeJwt } from 'jose';
import { expect, test } from './fixtures';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';

// The challenges on the modern parts (a JWT read by its holder, DPoP, token exchange), done by a scripted
// learner as their goals say, and graded by the server from its own records.

type Recorded = {
  request: { method: string; url: string; headers: [string, string][] };
  response: { status: number; body: string | null };
};

/** The access tokens the token endpoint issued in this learner's trace (GET /api/trace with the cookie). */
async function issuedAccessTokens(page: Page): Promise<{ access_token: string; token_type: string }[]> {
  const { events } = (await (await page.request.get('/api/trace')).json()) as { events: Recorded[] };
  return events
    .filter((event) => event.request.url.endsWith('/oidc/token') && event.response.status === 200)
    .map((event) => JSON.parse(event.response.body ?? '{}') as { access_token: string; token_type: string });
}

async function check(page: Page, slug: string) {
  await page.goto(`/challenges/${slug}`);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('heading')).toBeVisible();
  return result;
}

/** Presses "Next step" until the step titled `title` is shown (`answered`: with its answer on screen). */
async function stepTo(walkthrough: WalkthroughPage, title: string, answered = true) {
  const answer = walkthrough.card.locator('[data-phase="answered"]');
  for (let i = 0; i < 14; i++) {
    if (/\/interaction\//.test(walkthrough.page.url())) {
      const as = new AuthorizationServerPage(walkthrough.page);
      // Signed in already from an earlier run in this browser, the server asks only for consent.
      await expect(as.username.or(as.allowButton).first()).toBeVisible();
      if (await as.username.isVisible()) await as.signIn('alice', 'wonderland');
      await as.allow();
      await walkthrough.page.waitForURL(/\/grants\//);
      continue;
    }
    if ((await walkthrough.stepTitle.innerText()) === title && (!answered || (await answer.isVisible())))
      break;
    await walkthrough.next();
  }
  await expect(walkthrough.stepTitle).toHaveText(title);
  if (answered) await expect(answer).toBeVisible();
}

test('read your own token: its audience, scope and expiry, checked against the server’s reading of it', async ({
  page,
}) => {
  await expect(await check(page, 'read-a-token')).toContainText('No JWT access token has been issued');
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  await page.getByLabel('resource', { exact: true }).fill(`${ORIGIN}/api`);
  for (let i = 0; i < 4 && !(await page.getByText('sent: 200 OK').isVisible()); i++) await walkthrough.next();
  await expect(page.getByText('sent: 200 OK')).toBeVisible();
  const [issued] = (await issuedAccessTokens(page)).slice(-1);
  const claims = decodeJwt(issued!.access_token);
  const scopes = String(claims.scope).split(' ');

  await page.goto('/challenges/read-a-token');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.getByLabel('Audience').fill(String(claims.aud));
  await page.getByLabel('Scope', { exact: true }).fill(scopes.toReversed().join(' '));
  // An hour off: the expiry of another token, say a neighbour's.
  await page.getByLabel('Expires').fill(String(claims.exp! + 3600));
  await page.getByLabel('Expires').press('Enter');
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('heading', { name: 'Not yet' })).toBeVisible();
  await expect(result).toContainText('the expiry is not when its exp says');
  await expect(result).not.toContainText('audience is not');

  await page.getByLabel('Expires').fill(new Date(claims.exp! * 1000).toISOString());
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(result.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(result).toContainText(`with the scope “${scopes.join(' ')}”`);

  // The proof, beside the verdict: the exchange it names opens in the learner's log, marked.
  const log = page.getByRole('region', { name: 'HTTP exchanges' });
  await result.getByRole('button', { name: /POST \/oidc\/token 200/ }).click();
  const opened = log.locator('li[aria-current="true"]');
  await expect(opened).toContainText('proof');
  await expect(opened.getByRole('button', { name: 'Copy as curl' })).toBeVisible();
  await expect(opened).toContainText(issued!.access_token);

  // On the projector, the log keeps the token masked until the presenter reveals it.
  await page.goto('/challenges/read-a-token?present=1');
  await expect(page.getByRole('toolbar', { name: 'Presenter view' })).toBeVisible();
  await log.locator('li').filter({ hasText: '/oidc/token' }).locator('summary').last().click();
  await expect(log).toContainText('"access_token"');
  await expect(log).not.toContainText(issued!.access_token);
});

test('a stolen DPoP token: the walkthrough’s own thief is not enough, the learner’s copy without a proof is refused', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('dpop');
  await stepTo(walkthrough, 'Call the API with the DPoP scheme and a fresh proof');
  await expect(await check(page, 'stolen-dpop-token')).toContainText('Now send a copy of it without a proof');

  await walkthrough.goto('dpop');
  await stepTo(walkthrough, 'A thief replays the token as a Bearer token');
  await expect(await check(page, 'stolen-dpop-token')).toContainText('now be the thief yourself');

  // The learner as the thief: the token and nothing else, as curl with the learner's cookie would send it.
  const bound = (await issuedAccessTokens(page)).filter((issued) => issued.token_type === 'DPoP').at(-1)!;
  const copy = await page.request.get('/api/v1/accounts/verify_credentials', {
    headers: { authorization: `Bearer ${bound.access_token}` },
  });
  expect(copy.status()).toBe(401);
  const solved = await check(page, 'stolen-dpop-token');
  await expect(solved.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(solved).toContainText('sent without one, was refused');
});

test('a narrower token for the assistant: the default exchange can still post, a read-only one solves it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('token-exchange');
  await stepTo(walkthrough, 'The assistant calls the API as alice');
  await expect(await check(page, 'narrower-token-for-agent')).toContainText(
    'can still change things: its scope includes write:statuses',
  );

  await walkthrough.goto('token-exchange');
  await walkthrough.restart.click();
  await stepTo(walkthrough, 'Exchange alice’s token for one to call the API', false);
  await page.getByLabel('scope (of the new token)').fill('read:accounts');
  await walkthrough.next();
  await expect(walkthrough.card.locator('[data-phase="answered"]')).toBeVisible();
  await expect(await check(page, 'narrower-token-for-agent')).toContainText('now call the API with it');

  await walkthrough.goto('token-exchange');
  await stepTo(walkthrough, 'The assistant calls the API as alice');
  const solved = await check(page, 'narrower-token-for-agent');
  await expect(solved.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(solved).toContainText('for one with the scope “read:accounts”');
});

test('every challenge page passes an axe scan, wide and on a phone, and “Check” is reached by keyboard', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Every challenge the list links to (the registry's JSON texts do not load in the test runner).
  await page.goto('/challenges');
  const slugs = await page
    .locator('main a[href^="/challenges/"]')
    .evaluateAll((links) => [...new Set(links.map((link) => link.getAttribute('href')!.split('/')[2]!))]);
  expect(slugs.length).toBeGreaterThanOrEqual(9);
  for (const slug of slugs) {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto(`/challenges/${slug}`);
      await expect(page.getByRole('region', { name: 'HTTP exchanges' })).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${slug} at ${viewport.width}: ${v.id}`)).toEqual([]);
    }
    const check = page.getByRole('button', { name: 'Check', exact: true });
    for (
      let tabs = 0;
      tabs < 25 && !(await check.evaluate((button) => button === document.activeElement));
      tabs++
    )
      await page.keyboard.press('Tab');
    await expect(check).toBeFocused();
  }
});
