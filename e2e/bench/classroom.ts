import os from 'node:os';
import { runLearnerFlow, type FlowResult } from './learner-flow';
import {
  markdownTable,
  megabytes,
  nextBin,
  percentile,
  requireProductionBuild,
  startServer,
} from './process';

/**
 * `npm run bench:classroom`: "now everyone sign in". 200 learners, each with its own cookies, open
 * the home page and run authorization code + PKCE over real HTTP against the production build,
 * starting evenly spread over 10 s, then (on a fresh server) over 5 s. Prints completed flows,
 * errors, p50/p99 per endpoint and peak RSS. Target for both: 0 errors, every endpoint's p99 < 250 ms.
 * It prints figures and asserts nothing (these machines are shared and noisy).
 */
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 200);
const WINDOWS = (process.env.BENCH_WINDOWS ?? '10,5').split(',').map(Number);
const WARMUP_FLOWS = 5;
const TARGET_P99_MS = 250;

requireProductionBuild();

async function burst(windowSeconds: number) {
  const server = await startServer([process.execPath, nextBin, 'start']);
  try {
    // A class meets a server that has been up for a while: load every route once first.
    for (let i = 0; i < WARMUP_FLOWS; i++) {
      const warm = await runLearnerFlow(server.origin);
      if (warm.error) throw new Error(`warm-up flow failed: ${warm.error}`);
    }
    const started = performance.now();
    const flows: Promise<FlowResult>[] = [];
    for (let i = 0; i < LEARNERS; i++) {
      const delay = (i * windowSeconds * 1000) / LEARNERS;
      flows.push(
        new Promise((resolve) => setTimeout(resolve, delay)).then(() => runLearnerFlow(server.origin)),
      );
    }
    const results = await Promise.all(flows);
    return { results, seconds: (performance.now() - started) / 1000, peakRss: server.peakRss() };
  } finally {
    server.stop();
  }
}

console.error(
  `Node ${process.version}, ${os.cpus().length} cores: ${LEARNERS} learners, windows ${WINDOWS.join(' s, ')} s`,
);
for (const windowSeconds of WINDOWS) {
  const { results, seconds, peakRss } = await burst(windowSeconds);
  const errors = results.filter((result) => result.error);
  const byEndpoint = new Map<string, number[]>();
  for (const { endpoint, ms } of results.flatMap((result) => result.timings)) {
    byEndpoint.set(endpoint, [...(byEndpoint.get(endpoint) ?? []), ms]);
  }
  const rows = [...byEndpoint].map(([endpoint, durations]) => {
    const sorted = durations.sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    return [
      endpoint,
      String(sorted.length),
      percentile(sorted, 50).toFixed(0),
      p99.toFixed(0),
      percentile(sorted, 100).toFixed(0),
      p99 < TARGET_P99_MS ? 'yes' : 'NO',
    ];
  });
  console.log(
    `\n${LEARNERS} learners starting within ${windowSeconds} s (Node ${process.version}, ${os.cpus().length} cores): ` +
      `${results.length - errors.length} flows completed, ${errors.length} errors, all done in ${seconds.toFixed(1)} s, ` +
      `peak RSS ${megabytes(peakRss)}\n`,
  );
  console.log(
    markdownTable(['endpoint', 'requests', 'p50 ms', 'p99 ms', 'max ms', `p99 < ${TARGET_P99_MS} ms`], rows),
  );
  for (const error of new Set(errors.map((result) => result.error))) console.log(`error: ${error}`);
}
