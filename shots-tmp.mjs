import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync'] });
async function run(name, url, w, h, presses) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Next step' }).waitFor();
  for (let i = 0; i < presses; i++) {
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.waitForLoadState('networkidle');
    if (page.url().includes('/interaction/')) {
      if (await page.getByLabel('Username').count()) { await page.getByLabel('Username').fill('alice'); await page.getByLabel('Password').fill('wonderland'); await page.getByRole('button', {name: /sign in/i}).click(); await page.waitForLoadState('networkidle');}
      const c = page.getByRole('button', {name: /allow|continue|authorize|approve/i}); if (await c.count()) { await c.first().click(); }
      await page.waitForURL(/\/grants\//);
    }
    await page.waitForFunction(() => !document.body.innerText.includes('Sending…'));
    await page.waitForLoadState('networkidle');
  }
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
  await page.close();
}
const o = 'http://localhost:3000';
await run('pkce3-1440', `${o}/grants/authorization-code-pkce`, 1440, 900, 3);
await run('pkce3-1280', `${o}/grants/authorization-code-pkce`, 1280, 720, 3);
await run('pkce3-present', `${o}/grants/authorization-code-pkce?present=1`, 1920, 1080, 3);
await run('pkce3-phone', `${o}/grants/authorization-code-pkce`, 390, 844, 3);
await run('pkce-end-1440', `${o}/grants/authorization-code-pkce`, 1440, 900, 6);
await run('cc-1440', `${o}/grants/client-credentials`, 1440, 900, 2);
await browser.close();
