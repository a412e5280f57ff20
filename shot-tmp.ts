import { chromium } from '@playwright/test';

const origin = 'http://localhost:3231';
const [slug, steps, out, w, h, present] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
await page.goto(`${origin}/grants/${slug}?step=${steps}&login=alice${present ? '&present=1' : ''}`);
const next = page.getByRole('button', { name: 'Next step', exact: true }).and(page.locator(':enabled'));
const complete = page.getByRole('status').filter({ hasText: 'Flow complete' });
while (!(await complete.isVisible())) {
  await next.or(complete).first().waitFor({ timeout: 60_000 });
  if (await next.isVisible()) await next.click();
}
await page.waitForTimeout(1500);
await page.screenshot({ path: out });
if (process.argv[8] === 'tokens') {
  await page.getByRole('region', { name: 'Tokens' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: out.replace('.png', '-tokens.png'), fullPage: false });
}
await browser.close();
