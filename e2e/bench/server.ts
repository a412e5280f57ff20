import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../../lib/testing/redis-server';

/**
 * `npm run bench:server`: loads the production build on loopback at 50 connections and prints
 * requests per second, p50/p99 latency and peak RSS, next to a standalone oidc-provider with the same
 * configuration. It prints figures; it asserts nothing (these machines are shared and noisy).
 */
const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = 3;
const root = process.cwd();

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

type Target = {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
};
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const ALL_TARGETS: Target[] = [
  { name: 'trivial route (GET /api/health)', path: '/api/health' },
  { name: 'discovery document', path: '/oidc/.well-known/openid-configuration' },
  {
    name: 'token: client_credentials',
    path: '/oidc/token',
    method: 'POST',
    body: 'grant_type=client_credentials&scope=read',
    headers: { ...form, authorization: basic('playground-service', 'playground-service-secret') },
  },
  {
    name: 'token: password',
    path: '/oidc/token',
    method: 'POST',
    body: 'grant_type=password&username=alice&password=wonderland&scope=profile',
    headers: { ...form, authorization: basic('playground-first-party', 'playground-first-party-secret') },
  },
];
// BENCH_ONLY=token keeps the targets whose name contains it (the trivial route is always kept).
const only = process.env.BENCH_ONLY;
const TARGETS = ALL_TARGETS.filter((target, index) => index === 0 || !only || target.name.includes(only));

function rssOfTree(pid: number): number {
  // The server and any children it forked, in bytes, from /proc.
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      for (const child of fs
        .readFileSync(`/proc/${p}/task/${p}/children`, 'utf8')
        .split(/\s+/)
        .filter(Boolean)) {
        visit(Number(child));
      }
    } catch {
      // the process ended
    }
  };
  visit(pid);
  return total;
}

async function start(command: string[], env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${command.join(' ')} did not start`);
}

type Figures = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

async function load(port: number, target: Target, seconds: number): Promise<Figures> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${target.path}`,
    connections: CONNECTIONS,
    duration: seconds,
    method: target.method ?? 'GET',
    body: target.body,
    headers: target.headers,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function measure(label: string, command: string[], targets: Target[]) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-bench-'));
  const child = await start(
    command,
    { PLAYGROUND_DATA_DIR: dataDir, PUBLIC_ORIGIN: `http://localhost:${port}` },
    port,
  );
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOfTree(child.pid!))), 250);
  const figures = new Map<string, Figures>();
  try {
    for (const target of targets) {
      await load(port, target, WARMUP);
      figures.set(target.name, await load(port, target, DURATION));
      console.error(`  ${label}: ${target.name} done`);
    }
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
  }
  return { figures, peakRss: peak };
}

const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
const tsxBin = path.join(root, 'node_modules/.bin/tsx');
console.error(
  `Loading each target for ${DURATION}s (after ${WARMUP}s of warm-up) at ${CONNECTIONS} connections...`,
);
const embedded = await measure('embedded', [process.execPath, nextBin, 'start'], TARGETS);
const standalone = await measure('standalone', [tsxBin, 'e2e/bench/standalone.ts'], TARGETS.slice(1));

const trivial = embedded.figures.get(TARGETS[0]!.name)!.rps;
const rows = TARGETS.map((target) => {
  const e = embedded.figures.get(target.name)!;
  const s = standalone.figures.get(target.name);
  return [
    target.name,
    e.rps.toFixed(0),
    `${e.p50} / ${e.p99}`,
    (e.rps / trivial).toFixed(2),
    s ? s.rps.toFixed(0) : '',
    s ? (e.rps / s.rps).toFixed(2) : '',
    String(e.non2xx + e.errors),
  ];
});
const header = [
  'target',
  'req/s',
  'p50 / p99 ms',
  'x trivial',
  'standalone req/s',
  'x standalone',
  'non-2xx+errors',
];
const table = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
console.log(
  `\nNode ${process.version}, ${os.cpus().length} cores, ${CONNECTIONS} connections, ${DURATION}s per target\n`,
);
console.log(table);
console.log(
  `\nPeak RSS: embedded (next start) ${(embedded.peakRss / 2 ** 20).toFixed(0)} MB, standalone ${(standalone.peakRss / 2 ** 20).toFixed(0)} MB`,
);
