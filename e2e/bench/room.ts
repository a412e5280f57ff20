import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { roomViewBytes, roomViewOf, type RoomView } from '../../lib/rooms/room-view';
import { freePort, startRedisServer, type RedisServer } from '../../lib/testing/redis-server';
import type { HeaderList, Role, TraceEvent } from '../../lib/trace/types';
import { createRoom, openRoomEvents } from '../support/room-events';
import { startPlayground, type Playground } from '../support/server';

/**
 * `npm run bench:room`: 200 simulated students connected to one classroom room while the instructor
 * steps 50 times, each step carrying the masked view of the instructor's screen that a real run
 * publishes (lib/rooms/room-view.ts: up to the nine exchanges of an authorization code grant, about
 * 22 KB at the end, as measured from a browser). Prints broadcast latency (from the instructor's
 * request to each student's receipt) p50/p99, messages lost, and the server's peak RSS: in one
 * process, then across two instances on Redis. Then each student's challenge check counted in the room
 * (lib/rooms/progress.ts): how soon the instructor's stream hears it, one at a time and all at once, and
 * that no student hears the class's progress. It prints figures; it asserts nothing (these machines are
 * shared and noisy).
 */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 200);
const STEPS = Number(process.env.BENCH_STEPS ?? 50);
const SLUG = 'authorization-code';
const STEP_COUNT = 8;

// An authorization code run as the recorder keeps it: the sizes of a real one (headers, the sign-in
// and consent pages cut by the view, three tokens in the token response).
const secret = (bytes: number) => randomBytes(bytes).toString('base64url');
const jwt = () => `eyJhbGciOiJFUzI1NiIsImtpZCI6IjEifQ.${secret(300)}.${secret(64)}`;
const COOKIES: HeaderList = Array.from({ length: 6 }, (_, i) => [
  'set-cookie',
  `_interaction${i ? `.sig${i}` : ''}=[authorization server cookie, hidden]; path=/interaction/${secret(32)}; expires=Mon, 30 Nov 2026 01:15:20 GMT; samesite=lax; httponly`,
]);
const PAGE = `<!doctype html><html lang="en"><head><title>Sign in</title></head><body>${'<p>Sign in to continue.</p>'.repeat(250)}</body></html>`;

function exchange(
  seq: number,
  from: Role,
  to: Role,
  request: { method: string; url: string; headers?: HeaderList; body?: string },
  response: { status: number; headers?: HeaderList; body?: string },
): TraceEvent {
  const message = (headers: HeaderList = [], body?: string) => ({
    headers: [['user-agent', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/142.0'], ...headers] as HeaderList,
    body: body ?? null,
    bodyEncoding: 'utf8' as const,
    truncated: false,
  });
  return {
    id: String(seq),
    seq,
    time: new Date().toISOString(),
    durationMs: 3,
    from,
    to,
    channel: from === 'resource-owner' || to === 'resource-owner' ? 'front' : 'back',
    request: {
      ...message(request.headers, request.body),
      method: request.method,
      url: `http://localhost:3000${request.url}`,
    },
    response: { ...message(response.headers, response.body), status: response.status },
  };
}

function authorizationCodeRun(): TraceEvent[] {
  const [login, consent, code] = [secret(32), secret(32), secret(32)];
  const form: HeaderList = [['content-type', 'application/x-www-form-urlencoded']];
  const html: HeaderList = [['content-type', 'text/html; charset=utf-8'], ...COOKIES.slice(0, 2)];
  const browser = 'resource-owner';
  const as = 'authorization-server';
  return [
    exchange(
      1,
      browser,
      as,
      {
        method: 'GET',
        url: `/oidc/auth?response_type=code&client_id=playground-web&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&scope=openid+profile&state=${secret(16)}&code_challenge=${secret(32)}&code_challenge_method=S256`,
      },
      { status: 303, headers: [['location', `/interaction/${login}`], ...COOKIES] },
    ),
    exchange(
      2,
      browser,
      as,
      { method: 'GET', url: `/interaction/${login}` },
      { status: 200, headers: html, body: PAGE },
    ),
    exchange(
      3,
      browser,
      as,
      {
        method: 'POST',
        url: `/interaction/${login}/login`,
        headers: form,
        body: 'username=alice&password=%5Bredacted%5D',
      },
      { status: 303, headers: [['location', `/oidc/auth/${login}`], ...COOKIES] },
    ),
    exchange(
      4,
      browser,
      as,
      { method: 'GET', url: `/oidc/auth/${login}` },
      { status: 303, headers: [['location', `/interaction/${consent}`], ...COOKIES] },
    ),
    exchange(
      5,
      browser,
      as,
      { method: 'GET', url: `/interaction/${consent}` },
      { status: 200, headers: html, body: PAGE },
    ),
    exchange(
      6,
      browser,
      as,
      { method: 'POST', url: `/interaction/${consent}/confirm`, headers: form, body: 'prompt=consent' },
      { status: 303, headers: [['location', `/oidc/auth/${consent}`], ...COOKIES] },
    ),
    exchange(
      7,
      browser,
      as,
      { method: 'GET', url: `/oidc/auth/${consent}` },
      {
        status: 303,
        headers: [
          [
            'location',
            `http://localhost:3000/callback?code=${code}&state=s&iss=http%3A%2F%2Flocalhost%3A3000%2Foidc`,
          ],
          ...COOKIES,
        ],
      },
    ),
    exchange(
      8,
      'client',
      as,
      {
        method: 'POST',
        url: '/oidc/token',
        headers: [...form, ['authorization', `Basic ${secret(40)}`]],
        body: `grant_type=authorization_code&code=${code}&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&code_verifier=${secret(32)}`,
      },
      {
        status: 200,
        headers: [['content-type', 'application/json; charset=utf-8']],
        body: JSON.stringify({
          access_token: secret(32),
          expires_in: 3600,
          id_token: jwt(),
          refresh_token: secret(32),
          scope: 'openid profile',
          token_type: 'Bearer',
        }),
      },
    ),
    exchange(
      9,
      'client',
      as,
      { method: 'GET', url: '/oidc/jwks' },
      {
        status: 200,
        headers: [['content-type', 'application/jwk-set+json; charset=utf-8']],
        body: JSON.stringify({
          keys: [
            { kty: 'EC', crv: 'P-256', x: secret(32), y: secret(32), kid: '1', use: 'sig', alg: 'ES256' },
          ],
        }),
      },
    ),
  ];
}

/** What the instructor's browser publishes at each step of the run: the exchanges so far, masked. */
const RUN = authorizationCodeRun();
const VIEWS: RoomView[] = Array.from({ length: STEP_COUNT }, (_, stepIndex) =>
  roomViewOf({
    events: RUN.slice(0, Math.round(((stepIndex + 1) / STEP_COUNT) * RUN.length)),
    values: { state: 's', code_verifier: secret(32) },
    tokens: {},
  }),
);

function step(origin: string, room: { code: string; key: string }, stepIndex: number) {
  return fetch(`${origin}/api/rooms/${room.code}/step`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${room.key}` },
    body: JSON.stringify({ slug: SLUG, stepIndex, view: VIEWS[stepIndex] }),
  });
}

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
          // The class's progress is the instructor's alone.
          if (event === 'progress') progressAtStudents.count += 1;
        },
      ),
    );
  }
  const refused = connections.filter((connection) => connection.status !== 200).length;
  const progressAtStudents = { count: 0 };
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
    const response = await step(instructorSide!.origin, room, i % STEP_COUNT);
    if (!response.ok) throw new Error(`step ${seq} answered ${response.status}`);
    // Wait for the room to hear it (or give up after 2 s: what did not arrive counts as lost).
    const deadline = performance.now() + 2000;
    while (received.some((steps) => !steps.has(seq)) && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 2));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const progress = await challengeChecks(instances, room);
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
    progress: { ...progress, atStudents: progressAtStudents.count },
  };
}

/** A learner's cookie, as any page of the playground mints one (the join page is a light one). */
async function learnerCookie(origin: string): Promise<string> {
  const response = await fetch(`${origin}/join`);
  await response.arrayBuffer();
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('playground_learner='));
  if (!cookie) throw new Error('GET /join set no learner cookie');
  return cookie.split(';')[0]!;
}

/**
 * Every student's challenge check counted in the room (lib/rooms/progress.ts), as the instructor's panel
 * hears it: one student after another (from the check's request to the instructor's receipt of a tally
 * that includes it), then all of them at once (until the tally counts them all).
 */
async function challengeChecks(instances: Playground[], room: { code: string; key: string }) {
  const cookies = await Promise.all(
    Array.from({ length: STUDENTS }, (_, s) => learnerCookie(instances[s % instances.length]!.origin)),
  );
  const tallies: { seq: number; counted: Record<string, number>; receivedAt: number }[] = [];
  const instructor = await openRoomEvents(
    `${instances[0]!.origin}/api/rooms/${room.code}/events?role=instructor`,
    ({ event, data, receivedAt }) => {
      if (event !== 'progress') return;
      const { progress } = data as {
        progress: { seq: number; challenges: Record<string, { solved: number; trying: number }> };
      };
      const counted = Object.fromEntries(
        Object.entries(progress.challenges).map(([slug, counts]) => [slug, counts.solved + counts.trying]),
      );
      tallies.push({ seq: progress.seq, counted, receivedAt });
    },
    { authorization: `Bearer ${room.key}` },
  );
  const check = (s: number, slug: string) =>
    fetch(`${instances[s % instances.length]!.origin}/api/challenges/${slug}/check`, {
      method: 'POST',
      headers: { cookie: cookies[s]!, 'content-type': 'application/json' },
      body: JSON.stringify({ room: room.code }),
    }).then((response) => response.arrayBuffer());
  const until = async (done: () => boolean) => {
    const deadline = performance.now() + 5000;
    while (!done() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  };

  const latencies: number[] = [];
  let lost = 0;
  for (let s = 0; s < STUDENTS; s += 1) {
    const sent = performance.now();
    await check(s, 'replayed-code');
    await until(() => tallies.some((tally) => tally.seq >= s + 1));
    const heard = tallies.find((tally) => tally.seq >= s + 1);
    if (heard) latencies.push(heard.receivedAt - sent);
    else lost += 1;
  }
  const burstStart = performance.now();
  await Promise.all(Array.from({ length: STUDENTS }, (_, s) => check(s, 'read-a-token')));
  await until(() => tallies.some((tally) => tally.counted['read-a-token'] === STUDENTS));
  const all = tallies.find((tally) => tally.counted['read-a-token'] === STUDENTS);
  instructor.close();
  latencies.sort((a, b) => a - b);
  return {
    checks: STUDENTS,
    lost,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    burstMs: all ? all.receivedAt - burstStart : NaN,
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

  const sizes = VIEWS.map((view) => roomViewBytes(view));
  console.log(
    `\nbench:room (${new Date().toISOString().slice(0, 10)}, ${STUDENTS} students, ${STEPS} steps, views of ${(Math.min(...sizes) / 1024).toFixed(1)}-${(Math.max(...sizes) / 1024).toFixed(1)} KB)\n`,
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
  console.log(
    `\nChallenge checks counted in the room (each student once, one after another; then all ${STUDENTS} at once):\n`,
  );
  console.log(
    '| setup | checks | not heard | p50 ms | p99 ms | all at once: counted after ms | progress at students |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const { label, progress } of results)
    console.log(
      `| ${label} | ${progress.checks} | ${progress.lost} | ${progress.p50.toFixed(1)} | ${progress.p99.toFixed(1)} | ${progress.burstMs.toFixed(0)} | ${progress.atStudents} |`,
    );
  console.log(
    '\nTargets: every check heard by the instructor within a second; no progress message at a student.',
  );
}

await main();
