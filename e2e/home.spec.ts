import { expect, test } from '@playwright/test';
import { axe } from './pages/attack-lab';

// The home page says where to start: "Start here", a suggested order, a primer on roles and channels,
// and the attack lab in the site header on every page.

test('"Start here" opens the authorization code grant with PKCE', async ({ page }) => {
  await page.goto('/');
  const start = page.getByRole('link', { name: 'Start here', exact: true });
  await expect(start).toHaveAccessibleDescription(/Authorization code with PKCE/);
  await start.click();
  await expect(page).toHaveURL(/\/grants\/authorization-code-pkce$/);
  await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
});

test('the suggested order goes PKCE, refresh, client credentials, device, compare, attacks, modern', async ({
  page,
}) => {
  await page.goto('/');
  const order = page.getByRole('list', { name: 'A suggested order' });
  const steps = order.getByRole('listitem');
  await expect(steps).toHaveCount(7);
  const titles = [
    ['Authorization code with PKCE', '/grants/authorization-code-pkce'],
    ['Refresh token', '/grants/refresh-token'],
    ['Client credentials', '/grants/client-credentials'],
    ['Device authorization', '/grants/device-code'],
    ['Compare two grants', '/compare'],
    ['The attack lab', '/attacks'],
    ['Modern OAuth', '#grants-modern'],
  ];
  for (const [index, [title, href]] of titles.entries()) {
    const link = steps.nth(index).getByRole('link');
    await expect(link).toHaveAccessibleName(new RegExp(`^${title}`));
    await expect(link).toHaveAttribute('href', href!);
  }
  await steps.nth(6).getByRole('link').click();
  await expect(page.getByRole('region', { name: 'Modern OAuth' })).toBeInViewport();
});

test('the primer names the four roles and the two channels', async ({ page }) => {
  await page.goto('/');
  const primer = page.getByRole('region', { name: 'Four roles, two channels' });
  await expect(primer.getByRole('term')).toHaveText([
    /^Resource owner \(alice, using her browser\)/,
    /^Client/,
    /^Authorization server/,
    /^Resource server/,
    /^Front channel \(through the browser\)/,
    /^Back channel \(direct\)/,
  ]);
});

test('the site header links the attack lab on every page', async ({ page }) => {
  for (const path of [
    '/',
    '/grants/authorization-code-pkce',
    '/compare',
    '/attacks',
    '/attacks/mix-up',
    '/join',
  ]) {
    await page.goto(path);
    const lab = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Attack lab', exact: true });
    await expect(lab, path).toHaveAttribute('href', '/attacks');
  }
  await page.goto('/compare');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Attack lab', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attack lab');
});

test('the home page passes axe and shows "Start here" on the first screen at 1440x900, 1280x720 and 390x844', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Start here', exact: true })).toBeInViewport();
    // Nothing wider than the screen (a phone scrolls down, never sideways).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: testInfo.outputPath(`home-${width}x${height}.png`), fullPage: true });
    await axe(page, `home at ${width}x${height}`);
  }
});
