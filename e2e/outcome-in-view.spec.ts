import type { Page } from '@playwright/test';
import { freePort } from '../lib/testing/redis-server';
import { expect, test } from './fixtures';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';
import { inView } from './support/on-screen';
import { startPlayground } from './support/server';

// After every send the result (status, a line of meaning, the way forward) is where the learner looks:
// beside "Next step". A refusal offers only a way that can succeed; the end of a flow is a recap.

const VIEWPORTS = [
  { name: '1440x900', viewport: { width: 1440, height: 900 }, query: '' },
  { name: '1280x720', viewport: { width: 1280, height: 720 }, query: '' },
  { name: '390x844', viewport: { width: 390, height: 844 }, query: '' },
  {
    name: 'the projector, 1920x1080 ?present=1',
    viewport: { width: 1920, height: 1080 },
    query: '?present=1',
  },
];

const outcome = (walkthrough: WalkthroughPage) => walkthrough.card.getByRole('group', { name: 'Outcome' });

async function signInAndAllow(page: Page) {
  const as = new AuthorizationServerPage(page);
  await expect(as.heading).toHaveText('Sign in');
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await page.waitForURL(/\/(grants|attacks)\//);
}

for (const { name, viewport, query } of VIEWPORTS)
  test(`at ${name}, after each send of the PKCE grant the outcome and the way forward are on screen`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const walkthrough = new WalkthroughPage(page);
    await page.goto(`/grants/authorization-code-pkce${query}`);
    await expect(walkthrough.nextStep).toBeEnabled();
    let sends = 0;
    while (!(await walkthrough.flowComplete.isVisible())) {
      await walkthrough.next();
      if (!/\/grants\//.test(page.url())) {
        await signInAndAllow(page);
        // Back from the authorization server: the focus is on the step, not the page's body.
        await expect(page.locator('[data-step-actions]')).toBeFocused();
      }
      const phase = await walkthrough.card.locator('[data-phase]').getAttribute('data-phase');
      if (phase !== 'answered' && !(await walkthrough.flowComplete.isVisible())) continue;
      sends++;
      await expect(outcome(walkthrough)).toContainText(/\d{3} [A-Z]/);
      expect(await inView(outcome(walkthrough))).toBe(1);
      if (await walkthrough.flowComplete.isVisible()) break;
      await expect(outcome(walkthrough)).toContainText(/The server (issued|answered)/);
      await expect(outcome(walkthrough)).toContainText('Next:');
      expect(await inView(walkthrough.nextStep)).toBe(1);
      if (viewport.width >= 1024) expect(await inView(walkthrough.stepTitle)).toBe(1);
      // The response itself: its first lines are on the first screen, masked on the projector.
      expect(await inView(walkthrough.card.getByRole('heading', { name: /The response: \d{3}/ }))).toBe(1);
      expect(await inView(walkthrough.card.getByLabel('Response body'))).toBeGreaterThan(0);
      if (query)
        await expect(walkthrough.card.getByLabel('Response body')).not.toContainText(
          /"access_token": "[^•"]{20}/,
        );
    }
    expect(sends).toBeGreaterThanOrEqual(2);
    expect(await inView(walkthrough.flowComplete)).toBe(1);
  });

test('the end of a flow is a recap: who holds what, where each token travelled, what to try next', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code-pkce');
  while (!(await walkthrough.flowComplete.isVisible())) {
    await walkthrough.next();
    if (!/\/grants\//.test(page.url())) await signInAndAllow(page);
  }
  const recap = walkthrough.card.getByRole('region', { name: 'Recap' });
  await expect(recap).toBeVisible();
  await expect(recap.getByRole('heading', { name: 'Who holds what now' })).toBeVisible();
  await expect(recap).toContainText(/Client: .*access token/);
  // The access token: issued by the token endpoint, then carried to the resource server.
  await expect(recap.getByRole('listitem').filter({ hasText: 'Access token:' })).toContainText(
    /#\d+ POST \/oidc\/token, Authorization Server → Client.*Client → Resource Server/,
  );
  const next = recap.getByRole('link');
  // Next in the home page's suggested order: after PKCE, refresh.
  await expect(next.first()).toHaveAttribute('href', '/grants/refresh-token');
  await expect(next.last()).toHaveAttribute('href', /^\/attacks\//);
});

test('PKCE plain, refused by a server that supports only S256, offers “Back to choose S256”, not “Try again”', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code-pkce');
  await page.getByLabel('code_challenge_method').selectOption('plain');
  await walkthrough.next();
  await page.waitForURL(/\/grants\//);
  await expect(walkthrough.error).toContainText('code_challenge_method');
  expect(await inView(walkthrough.error)).toBe(1);
  await expect(walkthrough.card.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  const way = walkthrough.error.getByRole('button', { name: 'Back to choose S256' });
  expect(await inView(way)).toBe(1);
  await way.click();
  await expect(page.getByLabel('code_challenge_method')).toBeFocused();
  await expect(walkthrough.stepNumber).toContainText('Step 1 of');
});

test('a code that expires is said on screen at once, and its refusal offers a new code, not “Try again”', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const server = await startPlayground({ port: await freePort(), env: { AUTHORIZATION_CODE_TTL: '4' } });
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    const walkthrough = new WalkthroughPage(page);
    await page.goto(`${server.origin}/grants/authorization-code-pkce`);
    await expect(walkthrough.nextStep).toBeEnabled();
    await walkthrough.next();
    await signInAndAllow(page);
    await expect(outcome(walkthrough)).toHaveCount(0);
    // Nobody presses anything: the expiry appears beside "Next step" when it happens.
    await expect(outcome(walkthrough)).toContainText(/The code expired at \d\d:\d\d:\d\d/, {
      timeout: 15_000,
    });
    expect(await inView(outcome(walkthrough).getByRole('button', { name: 'Get a new code' }))).toBe(1);

    await walkthrough.next();
    await walkthrough.next();
    await expect(walkthrough.error).toContainText('invalid_grant');
    await expect(walkthrough.card.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    const newCode = walkthrough.error.getByRole('button', { name: 'Get a new code' });
    expect(await inView(newCode)).toBe(1);
    await newCode.click();
    await new AuthorizationServerPage(page).allow();
    await page.waitForURL(/\/grants\//);
    await expect(walkthrough.stepTitle).toHaveText('The code comes back to the redirect URI');
  } finally {
    await page.close();
    await server.stop();
  }
});
