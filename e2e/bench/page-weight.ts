import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS, resolveChromium } from '../support/chromium.mjs';

import { nextBin, requireProductionBuild, startServer } from './process';

/**
 * `npm run bench:page`: the JavaScript a browser downloads for a page of the production build,
 * compressed (gzip -9), script by script, counted twice:
 * - first load: the scripts the page's HTML names, which the browser fetches before anything of the
 *   page runs;
 * - once ready: every script Chromium has fetched by the time the page can be used (a walkthrough's
 *   "Next step", the home page's heading), which adds what the page loads after its first paint (the
 *   workbench, the walkthrough's own steps, what a step shows once answered).
 * It prints figures; it asserts nothing.
 *
 * A `nomodule` script (Next's polyfills for browsers without ES modules, about 39 KB compressed) is
 * not counted: every browser that runs the playground's modules skips it without downloading it.
 */
const PAGES: { path: string; ready: string }[] = [
  { path: '/', ready: 'heading' },
  { path: '/grants/authorization-code', ready: 'Next step' },
  { path: '/mastodon', ready: 'heading' },
  { path: '/join', ready: 'heading' },
  { path: '/attacks/mix-up', ready: 'Next step' },
];

requireProductionBuild();
const server = await startServer([process.execPath, nextBin, 'start']);
const { origin } = server;
const { executablePath } = await resolveChromium();
const browser = await chromium.launch({ executablePath, args: QUIET_CHROMIUM_ARGS });

const compressedSize = new Map<string, { raw: number; compressed: number }>();
async function sizeOf(src: string) {
  const url = new URL(src, origin).href;
  let size = compressedSize.get(url);
  if (!size) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    size = { raw: body.length, compressed: gzipSync(body, { level: 9 }).length };
    compressedSize.set(url, size);
  }
  return size;
}
async function total(scripts: readonly string[]) {
  let raw = 0;
  let compressed = 0;
  for (const src of scripts) {
    const size = await sizeOf(src);
    raw += size.raw;
    compressed += size.compressed;
  }
  return `${scripts.length} scripts, ${(raw / 1024).toFixed(0)} KB raw, ${(compressed / 1024).toFixed(0)} KB gzip`;
}

try {
  for (const { path, ready } of PAGES) {
    const html = await (await fetch(`${origin}${path}`)).text();
    const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)];
    const loaded = tags.filter(([tag]) => !/\snomodule\b/i.test(tag));
    const firstLoad = [...new Set(loaded.map((match) => match[1]!))];

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const fetched = new Set<string>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') fetched.add(response.url());
    });
    await page.goto(`${origin}${path}`);
    if (ready === 'heading') await page.getByRole('heading', { level: 1 }).first().waitFor();
    else await page.getByRole('button', { name: ready, exact: true }).waitFor();
    // What the page asks for as soon as it is drawn (a step's answer views, a token's card) has settled.
    await page.waitForLoadState('networkidle');
    await context.close();

    console.log(`${path}: first load ${await total(firstLoad)}; once ready ${await total([...fetched])}`);
  }
} finally {
  await browser.close();
  server.stop();
}
