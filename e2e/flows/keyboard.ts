import type { Locator, Page } from '@playwright/test';

/** Tab until the focused element's text is `name`, then press Enter: a control reached as a keyboard user would. */
export async function pressOn(page: Page, name: string) {
  for (let i = 0; i < 80; i++) {
    await page.waitForLoadState();
    // While the page is still navigating there is no element to read: look again.
    const focused = await page
      .evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim())
      .catch(() => undefined);
    if (focused === name) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach "${name}" with Tab`);
}

/** Tab until `field` has the focus. */
export async function tabTo(page: Page, field: Locator) {
  for (let i = 0; i < 80; i++) {
    if (await field.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the field with Tab');
}
