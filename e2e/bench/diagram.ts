import { chromium } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS, resolveChromium } from '../support/chromium.mjs';

import { nextBin, requireProductionBuild, startServer } from './process';

/**
 * `npm run bench:diagram`: a grant page of the production build in Chromium receives 40 real exchanges,
 * one after another; for each, the time from the exchange arriving (SSE) to the diagram and log having
 * been drawn (layout effect) is read from performance measures. It prints figures; it asserts nothing.
 */
const MESSAGES = 40;
requireProductionBuild();
const server = await startServer([process.execPath, nextBin, 'start']);
const { origin } = server;
const { executablePath } = await resolveChromium();
const browser = await chromium.launch({ executablePath, args: QUIET_CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${origin}/grants/client-credentials`);
  await page.getByRole('group', { name: 'Client', exact: true }).waitFor();
  for (let i = 1; i <= MESSAGES; i++) {
    await page.evaluate(() =>
      fetch('/oidc/token', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${btoa('playground-service:playground-service-secret')}`,
          'x-playground-from': 'client',
        },
        body: 'grant_type=client_credentials&scope=read',
      }),
    );
    await page.getByRole('button', { name: new RegExp(`^Message ${i}:`) }).waitFor();
  }
  const durations = await page.evaluate(() =>
    performance.getEntriesByName('diagram-update').map((entry) => entry.duration),
  );
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const last10 = durations.slice(-10);
  console.log(
    `Diagram updates for ${MESSAGES} messages (${durations.length} measured), graph view, Chromium, Node ${process.version}:`,
  );
  console.log(
    `  p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
  );
  console.log(
    `  the last 10 (flows of 31-40 messages): mean ${(last10.reduce((a, b) => a + b, 0) / last10.length).toFixed(1)} ms`,
  );
} finally {
  await browser.close();
  server.stop();
}
