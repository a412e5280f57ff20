import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';
import { textOnScreen } from './support/rendered-text';

test('presenter view: large type, chrome hidden, secrets masked until revealed, kept in the URL', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const walkthrough = new WalkthroughPage(page);
  await page.goto('/grants/password?present=1');
  await expect(walkthrough.nextStep).toBeEnabled();
  const presenter = page.getByRole('toolbar', { name: 'Presenter view' });
  await expect(presenter).toBeVisible();
  const bodyFontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(bodyFontSize).toBeGreaterThanOrEqual(24);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();

  await expect(page.getByLabel('Request about to be sent')).toContainText('password=wonder…');
  await walkthrough.next();
  const token = walkthrough.token('Access token');
  await expect(token).toBeVisible();
  const response = page.getByLabel('Response body');
  await expect(response).toContainText(/"access_token": "[^"]{6}…"/);
  await expect(response).toContainText(/"refresh_token": "[^"]{6}…"/);

  await presenter.getByRole('button', { name: 'Reveal secrets' }).click();
  await expect(response).toContainText(/"access_token": "[A-Za-z0-9_-]{20,}"/);
  await presenter.getByRole('button', { name: 'Hide secrets' }).click();
  await expect(response).toContainText(/"access_token": "[^"]{6}…"/);

  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('p');
  await expect(presenter).toBeHidden();
  await expect(page).not.toHaveURL(/present=1/);
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeLessThan(24);
  // The scan used below finds the normal view's small type.
  expect((await textOnScreen(page)).some(({ size }) => size < 24)).toBe(true);
  await expect(response).toContainText(/"access_token": "[A-Za-z0-9_-]{20,}"/);
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/present=1/);
  await expect(presenter).toBeVisible();
});

/** The area of an element a person sees: its box clipped by every ancestor that clips and by the screen. */
const visibleArea = (locator: Locator) =>
  locator.evaluate((element) => {
    let { left, top, right, bottom } = element.getBoundingClientRect();
    [left, top] = [Math.max(left, 0), Math.max(top, 0)];
    [right, bottom] = [Math.min(right, innerWidth), Math.min(bottom, innerHeight)];
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      [left, top] = [Math.max(left, clip.left), Math.max(top, clip.top)];
      [right, bottom] = [Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
    }
    return Math.max(0, right - left) * Math.max(0, bottom - top);
  });

test.describe('the presenter view on a 1920x1080 projector', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  for (const [slug, steps] of [
    ['password', 1],
    ['client-credentials', 2],
    ['device-code', 1],
    ['pushed-authorization-request', 2],
    ['private-key-jwt', 1],
  ] as const) {
    test(`${slug}: one screen holds the step, the diagram (largest), the newest exchange and Next step, no text under 24 px`, async ({
      page,
    }) => {
      const walkthrough = new WalkthroughPage(page);
      await page.goto(`/grants/${slug}?present=1`);
      await expect(walkthrough.nextStep).toBeEnabled();
      for (let i = 0; i < steps; i++) await walkthrough.next();
      await expect(walkthrough.httpLog.locator('li')).not.toHaveCount(0);

      const small = (await textOnScreen(page)).filter(({ size }) => size < 24);
      expect(small).toEqual([]);

      const viewport = page.viewportSize()!;
      const within = async (locator: Locator) => {
        const box = (await locator.boundingBox())!;
        return (
          box.y >= 0 &&
          box.x >= 0 &&
          box.y + box.height <= viewport.height &&
          box.x + box.width <= viewport.width
        );
      };
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(await within(walkthrough.nextStep)).toBe(true);
      expect(await within(walkthrough.stepTitle)).toBe(true);
      expect(await within(walkthrough.httpLog.locator('li summary').last())).toBe(true);
      expect(await within(page.getByTestId('flow-graph'))).toBe(true);
      // Largest as seen: each box clipped by the panes that scroll it (the step card is taller than its
      // pane) and by the screen; a graph running under its pane's edge counts only what shows.
      expect(await visibleArea(page.getByTestId('flow-graph'))).toBeGreaterThan(
        await visibleArea(walkthrough.card),
      );
      // Out of view: the parameter editor, auto-play and the instructor's tools.
      await expect(page.getByRole('group', { name: 'Auto-play' })).toBeHidden();
      await expect(page.getByRole('group', { name: 'Parameters you can change' })).toBeHidden();
      await expect(page.getByRole('button', { name: 'Classroom', exact: true })).toBeHidden();
    });
  }

  test('the view and the masking survive the sign-in and consent, whose pages are enlarged too', async ({
    page,
  }) => {
    const walkthrough = new WalkthroughPage(page);
    await page.goto('/grants/authorization-code?present=1');
    await expect(walkthrough.nextStep).toBeEnabled();
    await walkthrough.next();

    const as = new AuthorizationServerPage(page);
    await expect(as.heading).toHaveText('Sign in');
    await expect(page.locator('html')).toHaveClass('present');
    expect((await textOnScreen(page)).filter(({ size }) => size < 24)).toEqual([]);
    await as.signIn('alice', 'wonderland');
    await expect(as.allowButton).toBeVisible();
    await expect(page.locator('html')).toHaveClass('present');
    expect((await textOnScreen(page)).filter(({ size }) => size < 24)).toEqual([]);
    await as.allow();

    await page.waitForURL(/\/grants\/authorization-code\?present=1/);
    const presenter = page.getByRole('toolbar', { name: 'Presenter view' });
    await expect(presenter).toBeVisible();
    await expect(presenter.getByRole('button', { name: 'Reveal secrets' })).toBeVisible();
    await expect(walkthrough.stepTitle).toHaveText('The code comes back to the redirect URI');
    // The log's Location line, on screen as the newest exchange, shows the code cut short too.
    await expect(walkthrough.httpLog).toContainText(/Location: \S*code=[^&\s]{6}…/);
    await expect(walkthrough.httpLog).not.toContainText(/code=[^&\s…]{12}/);
    await walkthrough.next();
    await expect(walkthrough.stepTitle).toHaveText('Exchange the code for tokens');
    await expect(page.getByLabel('Request about to be sent')).toContainText(/code=[^&\s]{6}…/);

    // Out of presenter view, the authorization server's pages are the usual size again.
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('p');
    await expect(presenter).toBeHidden();
    expect((await page.context().cookies()).find((cookie) => cookie.name === 'playground_present')).toBe(
      undefined,
    );
  });

  test("the implicit grant's access token, back in the URL fragment, is masked on the projector too", async ({
    page,
  }) => {
    const walkthrough = new WalkthroughPage(page);
    await page.goto('/grants/implicit?present=1');
    await expect(walkthrough.nextStep).toBeEnabled();
    await walkthrough.next();
    const as = new AuthorizationServerPage(page);
    await as.signIn('alice', 'wonderland');
    await as.allow();
    await page.waitForURL(/\/grants\/implicit\?present=1/);
    await expect(page.getByRole('toolbar', { name: 'Presenter view' })).toBeVisible();
    await expect(walkthrough.httpLog).toContainText(/callback#\S*access_token=[^&\s]{6}…/);
    // Nowhere on the screen (log, step card, tokens) does the token show beyond its first characters.
    await expect(page.locator('body')).not.toContainText(/access_token=[^&\s…]{12}/);
  });

  test('at the end of a long run no two roles overlap on the projector: the oldest holdings fold', async ({
    page,
  }) => {
    const walkthrough = new WalkthroughPage(page);
    await page.goto('/grants/dpop?step=999');
    const last = Number(
      (
        await page
          .getByText(/has steps 1 to \d+/)
          .first()
          .innerText()
      ).match(/to (\d+)/)![1],
    );
    await page.goto(`/grants/dpop?step=${last}&login=alice&present=1`);
    const complete = page.getByRole('status').filter({ hasText: 'Flow complete' });
    // The deep link replays the earlier steps for real; the last one is sent, then its answer read.
    while (!(await complete.isVisible())) {
      await walkthrough.nextStep
        .and(page.locator(':enabled'))
        .or(complete)
        .first()
        .waitFor({ timeout: 30_000 });
      if (await walkthrough.nextStep.and(page.locator(':enabled')).isVisible()) await walkthrough.next();
    }
    const graph = page.getByTestId('flow-graph');
    const boxes = await graph.getByRole('group').evaluateAll((nodes) =>
      nodes.map((node) => {
        const { left, top, right, bottom } = node.getBoundingClientRect();
        return { name: node.getAttribute('aria-label'), left, top, right, bottom };
      }),
    );
    // The thief who replays the token is a party of its own: the Attacker.
    expect(boxes.map(({ name }) => name).sort()).toEqual(
      ['Attacker', 'Authorization Server', 'Client', 'Resource Owner', 'Resource Server'].sort(),
    );
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b)
          expect(
            a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
            `${a.name} and ${b.name} overlap`,
          ).toBe(true);
    // What was folded is named, and no text on the screen is under 24 px.
    await expect(graph.getByText(/^\+\d+ earlier/).first()).toBeVisible();
    expect((await textOnScreen(page)).filter(({ size }) => size < 24)).toEqual([]);
  });

  test('passes an axe scan', async ({ page }) => {
    const walkthrough = new WalkthroughPage(page);
    await page.goto('/grants/password?present=1');
    await expect(walkthrough.nextStep).toBeEnabled();
    await walkthrough.next();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});
