import { beforeEach, describe, expect, it } from 'vitest';
import { PEER_HEADER } from '../http/peer-address';
import { installTestLearnerKey } from '../testing/learner-key';
import { LEARNER_COOKIE, newLearnerId, signLearnerId } from '../trace/learner';
import { ATTACKER_LIMITS } from './attacker-rate-limit';
import { receiveLoot } from './exfiltration';
import { receivedByAttacker } from './received';

const key = installTestLearnerKey();
// The route as app/api/attacker/loot/route.ts serves it.
const postLoot = receivedByAttacker('client', receiveLoot);

// Learner ids are the server's own random ids; each name in a test stands for one.
const ids = new Map<string, string>();
const idOf = (name: string) => ids.get(name) ?? ids.set(name, newLearnerId()).get(name)!;

const loot = (learner: string, address: string) =>
  postLoot(
    new Request('http://localhost:3000/api/attacker/loot', {
      method: 'POST',
      headers: {
        [PEER_HEADER]: address,
        cookie: `${LEARNER_COOKIE}=${signLearnerId(idOf(learner), key)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ refresh_token: 'x'.repeat(4096) }),
    }),
    undefined,
  );

describe('the attacker’s routes are rate-limited per learner and per address', () => {
  beforeEach(() => {
    globalThis.playgroundAttackerRateLimit = undefined;
  });

  it('refuses a learner’s loot past its limit with 429 and Retry-After', async () => {
    for (let i = 0; i < ATTACKER_LIMITS.perLearner; i++)
      expect((await loot('learner-a', '10.0.0.1')).status).toBe(201);
    const refused = await loot('learner-a', '10.0.0.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: 'too_many_requests' });
    // Another learner behind the same address is not held by this learner's count.
    expect((await loot('learner-b', '10.0.0.1')).status).toBe(201);
  });

  // Ten thousand real requests through the route, each recorded: long on a busy machine, so its own time limit.
  it(
    'refuses an address past its ceiling, whatever learner ids it presents',
    { timeout: 60_000 },
    async () => {
      for (let i = 0; i < ATTACKER_LIMITS.perAddress; i++)
        expect((await loot(`learner-${i}`, '10.0.0.2')).status).toBe(201);
      expect((await loot('fresh-learner', '10.0.0.2')).status).toBe(429);
      expect((await loot('fresh-learner', '10.0.0.3')).status).toBe(201);
    },
  );
});
