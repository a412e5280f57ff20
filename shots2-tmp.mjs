import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync'] });
const o = 'http://localhost:3000';
async function shot(name, url, w, h, act) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(url);
  if (act) await act(page);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
  await page.close();
}
await shot('home-1440', `${o}/`, 1440, 900);
await shot('home-phone', `${o}/`, 390, 844);
const run = async (page) => { await page.getByRole('button', { name: 'Run the attack' }).click(); await page.getByRole('status', { name: 'Outcome', exact: true }).getByText(/Attack (succeeded|blocked)/).waitFor({ timeout: 60000 }); await page.waitForTimeout(1500); };
await shot('aci-1440', `${o}/attacks/authorization-code-interception`, 1440, 900, run);
await shot('mixup-present', `${o}/attacks/mix-up?present=1`, 1920, 1080, run);
await browser.close();
