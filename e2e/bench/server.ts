import os from 'node:os';
import autocannon from 'autocannon';
import { MEMORY_HEADER, MEMORY_ROW, memoryGrowth, memoryRow } from './memory';
import { markdownTable, megabytes, nextBin, requireProductionBuild, root, startServer } from './process';

/**
 * `npm run bench:server`: loads the production build on loopback at 50 connections and prints
 * requests per second, p50/p99 latency and peak RSS, next to a standalone oidc-provider with the same
 * configuration. It also prints the design's ceiling for each token target: a route handler inside
 * Next costs at least the trivial route, and oidc-provider's own work (measured standalone) comes on
 * top, so the embedded endpoint can reach at most 1 / (1/trivial + 1/standalone) requests per second.
 * Then the memory row: RSS growth of a fresh server under token requests from new learners with 48 KB
 * bodies (see memory.ts). Targets: token p99 < 100 ms, token rate >= 0.9x its ceiling, peak RSS <
 * 450 MB, memory growth < 100 MB. It prints figures; it asserts nothing (these machines are shared
 * and noisy).
 */
const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = 3;

requireProductionBuild();

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
  const server = await startServer(command);
  const figures = new Map<string, Figures>();
  try {
    for (const target of targets) {
      await load(server.port, target, WARMUP);
      figures.set(target.name, await load(server.port, target, DURATION));
      console.error(`  ${label}: ${target.name} done`);
    }
  } finally {
    server.stop();
  }
  return { figures, peakRss: server.peakRss() };
}

const tsxBin = `${root}/node_modules/.bin/tsx`;
console.error(
  `Loading each target for ${DURATION}s (after ${WARMUP}s of warm-up) at ${CONNECTIONS} connections...`,
);
const embedded = await measure('embedded', [process.execPath, nextBin, 'start'], TARGETS);
const standalone = await measure(
  'standalone',
  [tsxBin, '--conditions=react-server', 'e2e/bench/standalone.ts'],
  TARGETS.slice(1),
);
const memory = !only || MEMORY_ROW.includes(only) ? await memoryGrowth() : undefined;

const trivial = embedded.figures.get(TARGETS[0]!.name)!.rps;
const rows = TARGETS.map((target) => {
  const e = embedded.figures.get(target.name)!;
  const s = standalone.figures.get(target.name);
  const ceiling = s ? 1 / (1 / trivial + 1 / s.rps) : undefined;
  return [
    target.name,
    e.rps.toFixed(0),
    `${e.p50} / ${e.p99}`,
    (e.rps / trivial).toFixed(2),
    s ? s.rps.toFixed(0) : '',
    ceiling ? ceiling.toFixed(0) : '',
    ceiling ? (e.rps / ceiling).toFixed(2) : '',
    String(e.non2xx + e.errors),
  ];
});
const header = [
  'target',
  'req/s',
  'p50 / p99 ms',
  'x trivial',
  'standalone req/s',
  'ceiling req/s',
  'x ceiling',
  'non-2xx+errors',
];
console.log(
  `\nNode ${process.version}, ${os.cpus().length} cores, ${CONNECTIONS} connections, ${DURATION}s per target\n`,
);
console.log(markdownTable(header, rows));
console.log(
  `\nPeak RSS: embedded (next start) ${megabytes(embedded.peakRss)}, standalone ${megabytes(standalone.peakRss)}`,
);
if (memory) {
  console.log('');
  console.log(markdownTable(MEMORY_HEADER, [memoryRow(memory)]));
}
