import type { ThrottleLimits } from '../http/learner-throttle';
import { RequestRateLimit } from '../http/rate-limit';
import { identifyRequester } from '../http/requester';

/**
 * Every route of the lab's attacker (/api/attacker/*) is rate-limited: a scenario's run sends it a
 * handful of requests, and each may store loot or make the authorization server sign bob in and write
 * a grant. 100 requests per learner and 10,000 per address every 10 minutes: 200 learners behind one
 * school NAT, each running every scenario with its defense off and on (about 70 requests), stay under
 * it; a script posting 2,000 loot items in seconds is stopped at 100 per learner cookie, and what a
 * script with fresh cookies can store is bounded by the loot's byte budget (loot.ts).
 */
export const ATTACKER_LIMITS: ThrottleLimits = { perLearner: 100, perAddress: 10_000 };
export const ATTACKER_WINDOW_MS = 10 * 60 * 1000;

declare global {
  var playgroundAttackerRateLimit: RequestRateLimit | undefined;
}

export function attackerRateLimit(): RequestRateLimit {
  globalThis.playgroundAttackerRateLimit ??= new RequestRateLimit(
    'attacker',
    ATTACKER_LIMITS,
    ATTACKER_WINDOW_MS,
    'the attack lab’s attacker',
  );
  return globalThis.playgroundAttackerRateLimit;
}

/** A route handler of the attacker's server, answered 429 over the attacker's limits. */
export const attackerLimited =
  <Context>(handler: (request: Request, context: Context) => Promise<Response> | Response) =>
  async (request: Request, context: Context): Promise<Response> =>
    (await attackerRateLimit().take(await identifyRequester(request.headers))) ?? handler(request, context);
