import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { freePort } from '../../lib/testing/redis-server';
import { QUIET_CHROMIUM_ARGS, resolveChromium } from '../support/chromium.mjs';

/**
 * `npm run bench:diagram`: a grant page of the production build in Chromium receives 40 real exchanges,
 * one after another; for each, the time from the exchange arriving (SSE) to the diagram and log having
 * been drawn (layout effect) is read from performance measures. It prints figures; it asserts nothing.
 */
const MESSAGES = 40;
const root = process.cwd();
if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}
const port = await freePort();
const origin = `http://localhost:${port}`;
const server = spawn(
  process.execPath,
  [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
  {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_ORIGIN: origin,
      PLAYGROUND_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'playground-diagram-')),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
  },
);
const { executablePath } = await resolveChromium();
const browser = await chromium.launch({ executablePath, args: QUIET_CHROMIUM_ARGS });
try {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
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
  server.kill('SIGTERM');
}
