import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS, resolveChromium } from './support/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const ORIGIN = `http://localhost:${PORT}`;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { executablePath } = await resolveChromium();

/** Browser tests run in real Chromium against the production build (`next build && next start`). */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(root, 'test-results'),
  // Tests may run side by side, each in its own browser context (a learner is its cookie, so runs do not
  // see each other's traces, rooms or sign-in limits); a file that starts its own servers (beforeAll)
  // keeps its tests in one worker (`test.describe.configure({ mode: 'default' })`).
  fullyParallel: true,
  // One worker by default: on two cores, 35 workbench tests took 84 s on one worker, 128 s on two and
  // 125 s on three (docs/benchmarks.md). E2E_WORKERS=<n> runs n side by side on a bigger machine.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: ORIGIN,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath, args: QUIET_CHROMIUM_ARGS },
  },
  webServer: {
    command: `rm -rf .data/e2e && node node_modules/next/dist/bin/next start -p ${PORT}`,
    cwd: root,
    url: `${ORIGIN}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PLAYGROUND_DATA_DIR: '.data/e2e', PUBLIC_ORIGIN: ORIGIN, PORT: String(PORT) },
    stdout: 'pipe',
  },
});
