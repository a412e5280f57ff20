import { megabytes, nextBin, rssOfTree, startServer } from './process';

/**
 * The server's memory under a class that never comes back: token requests each from a new learner
 * (a learner cookie the server issued on a first page visit, so a new trace) with a 48 KB body, which
 * the trace records. Target: under 100 MB of growth. The same number of requests again shows whether
 * what grew is held (it grows again) or is the garbage collector's headroom (it stays). A made-up
 * cookie would not do: the server records only under learner ids it signed.
 */
export const MEMORY_REQUESTS = 3000;
const BODY_BYTES = 48 * 1024;
const CONNECTIONS = 50;
export const MEMORY_ROW = `memory: ${MEMORY_REQUESTS.toLocaleString('en')} token requests, fresh learners, 48 KB bodies`;

const basic = `Basic ${Buffer.from('playground-service:playground-service-secret').toString('base64')}`;
const grant = 'grant_type=client_credentials&scope=read&padding=';
const body = grant + 'x'.repeat(BODY_BYTES - grant.length);

/** A new learner, as the server issues one on a first page visit (the static /callback page). */
async function newLearnerCookie(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/callback`);
  await response.arrayBuffer();
  const cookie = response.headers.getSetCookie().find((line) => /^(__Host-)?playground_learner=/.test(line));
  if (!cookie) throw new Error('the first page visit set no learner cookie');
  return cookie.split(';')[0]!;
}

async function tokenRequests(port: number, count: number) {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const response = await fetch(`http://127.0.0.1:${port}/oidc/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: basic,
          cookie: await newLearnerCookie(port),
        },
        body,
      });
      await response.arrayBuffer();
      if (!response.ok) failed++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return failed;
}

/** RSS of `next start` after a warm-up, after MEMORY_REQUESTS requests, and after as many again. */
export async function memoryGrowth() {
  const server = await startServer([process.execPath, nextBin, 'start']);
  try {
    await tokenRequests(server.port, 100);
    const before = rssOfTree(server.child.pid!);
    let failed = await tokenRequests(server.port, MEMORY_REQUESTS);
    const after = rssOfTree(server.child.pid!);
    failed += await tokenRequests(server.port, MEMORY_REQUESTS);
    const again = rssOfTree(server.child.pid!);
    return { before, after, again, failed };
  } finally {
    server.stop();
  }
}

export const MEMORY_HEADER = ['measure', 'RSS before', 'after', 'growth', 'after as many again', 'non-2xx'];

export const memoryRow = ({ before, after, again, failed }: Awaited<ReturnType<typeof memoryGrowth>>) => [
  MEMORY_ROW,
  megabytes(before),
  megabytes(after),
  megabytes(after - before),
  `${megabytes(again)} (${again >= after ? '+' : ''}${megabytes(again - after)})`,
  String(failed),
];
