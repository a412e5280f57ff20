import fs from 'node:fs';
import path from 'node:path';
import { freePort, startRedisServer, type RedisServer } from '../../lib/testing/redis-server';
import { createRoom, openRoomEvents, step } from '../support/room-events';
import { startPlayground, type Playground } from '../support/server';

/**
 * `npm run bench:room`: 200 simulated students connected to one classroom room while the instructor
 * steps 50 times. Prints broadcast latency (from the instructor's request to each student's receipt)
 * p50/p99, messages lost, and the server's peak RSS: in one process, then across two instances on
 * Redis. It prints figures; it asserts nothing (these machines are shared and noisy).
 */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 200);
const STEPS = Number(process.env.BENCH_STEPS ?? 50);
const SLUG = 'authorization-code';
const STEP_COUNT = 8;

if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

function rss(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** The next-server process under `next start` holds the memory: the tree's total. */
function rssOfTree(pid: number): number {
  let total = rss(pid);
  try {
    for (const child of fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(/\s+/)
      .filter(Boolean))
      total += rssOfTree(Number(child));
  } catch {
    // ended
  }
  return total;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

async function run(label: string, instances: Playground[]) {
  const [instructorSide] = instances;
  const room = await createRoom(instructorSide!.origin);
  // received[s] = the step sequence numbers student s received, with the time of receipt.
  const received = Array.from({ length: STUDENTS }, () => new Map<number, number>());
  const connections = [];
  for (let s = 0; s < STUDENTS; s += 1) {
    const instance = instances[s % instances.length]!;
    connections.push(
      await openRoomEvents(
        `${instance.origin}/api/rooms/${room.code}/events`,
        ({ event, data, receivedAt }) => {
          if (event === 'step') received[s]!.set((data as { seq: number }).seq, receivedAt);
        },
      ),
    );
  }
  const refused = connections.filter((connection) => connection.status !== 200).length;
  // Every student counted before the first step.
  for (let i = 0; i < 100; i += 1) {
    const counted = (await (await fetch(`${instructorSide!.origin}/api/rooms/${room.code}`)).json()) as {
      students: number;
    };
    if (counted.students >= STUDENTS) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  let peak = 0;
  const sample = () => (peak = Math.max(peak, ...instances.map((instance) => rssOfTree(instance.pid))));
  const sampler = setInterval(sample, 100);
  const sentAt = new Map<number, number>();
  for (let i = 0; i < STEPS; i += 1) {
    const seq = i + 1;
    sentAt.set(seq, performance.now());
    const response = await step(instructorSide!.origin, room, SLUG, i % STEP_COUNT);
    if (!response.ok) throw new Error(`step ${seq} answered ${response.status}`);
    // Wait for the room to hear it (or give up after 2 s: what did not arrive counts as lost).
    const deadline = performance.now() + 2000;
    while (received.some((steps) => !steps.has(seq)) && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 2));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  sample();
  clearInterval(sampler);
  for (const connection of connections) connection.close();

  const latencies: number[] = [];
  let lost = 0;
  for (const steps of received)
    for (let seq = 1; seq <= STEPS; seq += 1) {
      const at = steps.get(seq);
      if (at === undefined) lost += 1;
      else latencies.push(at - sentAt.get(seq)!);
    }
  latencies.sort((a, b) => a - b);
  return {
    label,
    students: STUDENTS,
    refused,
    steps: STEPS,
    messages: STUDENTS * STEPS,
    lost,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    peakRssMb: peak / 1024 / 1024,
  };
}

async function main() {
  const results = [];
  console.error(`${STUDENTS} students, ${STEPS} steps. One instance, rooms in process...`);
  const single = await startPlayground({ port: await freePort(), env: { NEXT_TELEMETRY_DISABLED: '1' } });
  try {
    results.push(await run('one instance, in process', [single]));
  } finally {
    await single.stop();
  }

  let redis: RedisServer | undefined;
  try {
    redis = await startRedisServer();
  } catch (error) {
    console.error(`Skipping the Redis run: ${String(error)}`);
  }
  if (redis) {
    console.error('Two instances on Redis, students split between them...');
    const [portA, portB] = [await freePort(), await freePort()];
    const publicOrigin = `http://localhost:${portA}`;
    const env = { REDIS_URL: redis.url, NEXT_TELEMETRY_DISABLED: '1' };
    const a = await startPlayground({ port: portA, publicOrigin, env });
    const b = await startPlayground({ port: portB, publicOrigin, env });
    try {
      results.push(await run('two instances, Redis pub/sub', [a, b]));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await redis.stop();
    }
  }

  console.log(
    `\nbench:room (${new Date().toISOString().slice(0, 10)}, ${STUDENTS} students, ${STEPS} steps)\n`,
  );
  console.log('| setup | messages | lost | refused | p50 ms | p99 ms | max ms | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.label} | ${r.messages} | ${r.lost} | ${r.refused} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.peakRssMb.toFixed(0)} |`,
    );
  console.log(
    '\nTargets: 0 lost, p99 under 100 ms. Peak RSS is per instance (the larger of the two on Redis).',
  );
}

await main();
