import { gzipSync } from 'node:zlib';

import { nextBin, requireProductionBuild, startServer } from './process';

/**
 * `npm run bench:page`: the JavaScript a browser downloads to open a grant page of the production
 * build, compressed (gzip), script by script. It prints figures; it asserts nothing.
 *
 * A `nomodule` script (Next's polyfills for browsers without ES modules, about 39 KB compressed) is
 * not counted: every browser that runs the playground's modules skips it without downloading it.
 */
requireProductionBuild();
const server = await startServer([process.execPath, nextBin, 'start']);
const { origin } = server;
try {
  for (const page of ['/', '/grants/authorization-code', '/mastodon', '/join', '/attacks/mix-up']) {
    const html = await (await fetch(`${origin}${page}`)).text();
    const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)];
    const loaded = tags.filter(([tag]) => !/\snomodule\b/i.test(tag));
    const scripts = [...new Set(loaded.map((match) => match[1]!))];
    let raw = 0;
    let compressed = 0;
    for (const src of scripts) {
      const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
      raw += body.length;
      compressed += gzipSync(body, { level: 9 }).length;
    }
    console.log(
      `${page}: ${scripts.length} scripts, ${(raw / 1024).toFixed(0)} KB raw, ${(compressed / 1024).toFixed(0)} KB gzip (first load)`,
    );
  }
} finally {
  server.stop();
}
