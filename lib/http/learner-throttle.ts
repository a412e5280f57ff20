import type { Requester } from './on-behalf';
import type { WindowCounter } from './window-counter';

/**
 * Counts what one learner does to one subject (wrong passwords for an account, wrong room codes,
 * attacker requests, token exchanges), so that a class behind one address never locks itself out:
 *
 * - A learner the server issued an id to gets `perLearner` counts per subject per window: their
 *   mistakes lock only themselves, even when the whole class shares one address.
 * - A request without such an id is counted on its address instead (`perLearner` again).
 * - Every address also has a ceiling, `perAddress` counts per window across learners and subjects:
 *   high enough for a class of 200 behind one NAT, low enough to stop a script that fetches fresh
 *   learner ids to dodge the first rule.
 *
 * A success may clear that learner's (or address's) count for the subject (a sign-in does).
 */
export type ThrottleVerdict =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: ThrottleReason };

/** Which count ran out: this learner's, this address's (no learner id), or the address's ceiling. */
export type ThrottleReason = 'learner' | 'address' | 'ceiling';

export type ThrottleLimits = { perLearner: number; perAddress: number };

export class LearnerThrottle {
  constructor(
    private readonly counter: WindowCounter,
    private readonly limits: ThrottleLimits,
  ) {}

  private ownKey(subject: string, { address, learnerId }: Requester) {
    const who = learnerId ? `learner:${learnerId}` : `address:${address}`;
    return `${who}:${subject.trim().toLowerCase()}`;
  }

  private ceilingKey({ address }: Requester) {
    return `ceiling:${address}`;
  }

  async check(subject: string, requester: Requester): Promise<ThrottleVerdict> {
    const [own, ceiling] = await Promise.all([
      this.counter.read(this.ownKey(subject, requester)),
      this.counter.read(this.ceilingKey(requester)),
    ]);
    const wait = (resetInMs: number) => Math.max(1, Math.ceil(resetInMs / 1000));
    if (own.count >= this.limits.perLearner)
      return {
        allowed: false,
        retryAfterSeconds: wait(own.resetInMs),
        reason: requester.learnerId ? 'learner' : 'address',
      };
    if (ceiling.count >= this.limits.perAddress)
      return { allowed: false, retryAfterSeconds: wait(ceiling.resetInMs), reason: 'ceiling' };
    return { allowed: true };
  }

  async recordFailure(subject: string, requester: Requester): Promise<void> {
    await Promise.all([
      this.counter.increment(this.ownKey(subject, requester)),
      this.counter.increment(this.ceilingKey(requester)),
    ]);
  }

  async recordSuccess(subject: string, requester: Requester): Promise<void> {
    await this.counter.reset(this.ownKey(subject, requester));
  }
}

/** "Try again in 3 minutes." */
export const tryAgainIn = (retryAfterSeconds: number) =>
  `Try again in ${
    retryAfterSeconds >= 60 ? `${Math.ceil(retryAfterSeconds / 60)} minutes` : `${retryAfterSeconds} seconds`
  }.`;
