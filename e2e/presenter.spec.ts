import { expect, test } from './fixtures';
import { WalkthroughPage } from './pages/walkthrough-page';

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
  await expect(response).toContainText(/"access_token": "[A-Za-z0-9_-]{20,}"/);
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/present=1/);
  await expect(presenter).toBeVisible();
});
