import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '../../lib/testing/redis-server';

/**
 * `npm run bench:page`: the JavaScript a browser downloads to open a grant page of the production
 * build, compressed (gzip), script by script. It prints figures; it asserts nothing.
 */
const root = process.cwd();
if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
  {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      PLAYGROUND_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'playground-weight-')),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
  },
);
try {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const page of ['/', '/grants/authorization-code', '/mastodon', '/join', '/attacks/mix-up']) {
    const html = await (await fetch(`${origin}${page}`)).text();
    const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!))];
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
  server.kill('SIGTERM');
}
