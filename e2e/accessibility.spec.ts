import { GRANTS as REGISTERED } from '../machines/registry';
import { ATTACKS } from '../machines/attacks/registry';
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

// Every scenario of the attack lab: "Skip to the step" reaches "Next step", "Skip to the defenses" the
// first defense, and "Run the attack" follows the defenses.
for (const attack of ATTACKS) {
  test(`attack ${attack.slug}: “Skip to the step” and “Skip to the defenses”, then “Run the attack”`, async ({
    page,
  }) => {
    await page.goto(`/attacks/${attack.slug}`);
    const nextStep = page.getByRole('button', { name: 'Next step' });
    await expect(nextStep).toBeEnabled();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the step' })).toBeFocused();
    await page.keyboard.press('Enter');
    for (let tabs = 1; tabs < 5 && (await focusedText(page)) !== 'Next step'; tabs++)
      await page.keyboard.press('Tab');
    await expect(nextStep).toBeFocused();

    await page.goto(`/attacks/${attack.slug}`);
    await expect(nextStep).toBeEnabled();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the defenses' })).toBeFocused();
    await page.keyboard.press('Enter');
    const first = page.getByRole('checkbox', { name: attack.defenses[0]!.label });
    await expect(first).toBeFocused();
    await expect(first).toBeInViewport();
    // Past each defense and its RFC link, "Run the attack".
    const stops = attack.defenses.length * 2;
    for (let tabs = 0; tabs < stops && (await focusedText(page)) !== 'Run the attack'; tabs++)
      await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Run the attack' })).toBeFocused();
  });
}

test('the top navigation wraps at 390 px: every link stays on screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/grants/authorization-code');
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  // The playground, Compare grants, Attack lab, Mastodon, Join a classroom, Discovery document.
  await expect(links).toHaveCount(6);
  for (const link of await links.all()) {
    await expect(link).toBeVisible();
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  const header = page.getByRole('banner');
  expect(await header.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
});
