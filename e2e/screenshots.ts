import { chromium, type Page } from '@playwright/test';
import { resolveChromium } from './support/chromium.mjs';

/**
 * The README's pictures, from a running production build: `npm run build`, `npm start`, then
 * `node_modules/.bin/tsx e2e/screenshots.ts [origin]` (default http://localhost:3000). Writes small
 * PNGs under docs/screenshots/.
 */
const origin = process.argv[2] ?? 'http://localhost:3000';
const { executablePath } = await resolveChromium();
const browser = await chromium.launch({ executablePath });

async function settle(page: Page, presses: number) {
  const next = page.getByRole('button', { name: 'Next step' });
  await next.waitFor();
  for (let press = 0; press < presses; press++) {
    const card = page.locator('section[data-progress]');
    const before = await card.getAttribute('data-progress');
    await next.click();
    await page.waitForFunction((previous) => {
      const progress = document.querySelector('section[data-progress]')?.getAttribute('data-progress');
      return progress !== previous && !document.body.innerText.includes('Sending…');
    }, before);
  }
  // Wait until the diagram draws every exchange the log lists.
  await page.waitForFunction(() => {
    const log = document.querySelectorAll('[aria-label="HTTP exchanges"] li').length;
    // One "Message N:" button per exchange; a redirect the browser carries adds "Na:"/"Nb:" arrows.
    const drawn = [...document.querySelectorAll('button[aria-label^="Message "]')].filter((button) =>
      /^Message \d+:/.test(button.getAttribute('aria-label') ?? ''),
    ).length;
    return log > 0 && drawn === log;
  });
}

async function shoot(
  path: string,
  width: number,
  height: number,
  url: string,
  act: (page: Page) => Promise<void>,
) {
  const page = await browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
  await page.goto(`${origin}${url}`);
  await act(page);
  await page.screenshot({ path: `docs/screenshots/${path}` });
  await page.close();
  console.log(`docs/screenshots/${path}`);
}

try {
  await shoot('workbench-1440x900.png', 1440, 900, '/grants/client-credentials', (page) => settle(page, 3));
  await shoot('presenter-1920x1080.png', 1920, 1080, '/grants/password?present=1', (page) => settle(page, 1));
  await shoot(
    'compare-1440x900.png',
    1440,
    900,
    '/compare?left=client-credentials&right=password',
    async (page) => {
      const both = page.getByRole('button', { name: 'Next step on both' });
      await both.click();
      // Each run's log shows its first exchange.
      await page.waitForFunction(
        () => document.querySelectorAll('[aria-label="HTTP exchanges"] li').length >= 2,
      );
    },
  );
} finally {
  await browser.close();
}
