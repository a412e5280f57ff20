import { GRANTS as REGISTERED } from '../machines/registry';
import { expect, test } from './fixtures';
import { WalkthroughPage } from './pages/walkthrough-page';

// Every grant of the registry, as the other suites that cover every grant read it.
const GRANTS = REGISTERED.map((grant) => grant.slug);

const focusedText = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim());

for (const slug of GRANTS) {
  test(`${slug}: “Next step” is within 5 Tabs of the top, through “Skip to the step”`, async ({ page }) => {
    const walkthrough = new WalkthroughPage(page);
    await walkthrough.goto(slug);
    await expect(walkthrough.nextStep).toBeEnabled();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the step' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Skip to the step' })).toBeInViewport();
    await page.keyboard.press('Enter');
    let tabs = 1;
    while ((await focusedText(page)) !== 'Next step' && tabs < 5) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    await expect(walkthrough.nextStep).toBeFocused();
  });
}

test('the top navigation wraps at 390 px: every link stays on screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/grants/authorization-code');
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await expect(links).toHaveCount(5);
  for (const link of await links.all()) {
    await expect(link).toBeVisible();
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  const header = page.getByRole('banner');
  expect(await header.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
});
