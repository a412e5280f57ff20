import type { Requester } from '../http/on-behalf';
import type { WindowCounter } from '../http/window-counter';

/**
 * Slows down password guessing without letting one learner lock an account for a class.
 *
 * - A learner the server issued an id to gets `perLearner` failures per account per window: their
 *   typos lock only themselves, even when the whole class shares one address.
 * - A request without such an id is counted on its address instead (`perLearner` again).
 * - Every address also has a ceiling, `perAddress` failures per window across learners and accounts:
 *   high enough for a class of 200 behind one NAT, low enough to stop a script that fetches fresh
 *   learner ids to dodge the first rule.
 *
 * A successful sign-in clears that learner's (or address's) failures for the account.
 */
export type ThrottleVerdict =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: ThrottleReason };

/** Which count ran out: this learner's, this address's (no learner id), or the address's ceiling. */
export type ThrottleReason = 'learner' | 'address' | 'ceiling';

export type ThrottleLimits = { perLearner: number; perAddress: number };

export class SignInThrottle {
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

export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;

/** Five wrong passwords per account per learner; 200 failures per address, every 10 minutes. */
export const SIGN_IN_LIMITS: ThrottleLimits = { perLearner: 5, perAddress: 200 };

/** "Try again in 3 minutes." */
export const tryAgainIn = (retryAfterSeconds: number) =>
  `Try again in ${
    retryAfterSeconds >= 60 ? `${Math.ceil(retryAfterSeconds / 60)} minutes` : `${retryAfterSeconds} seconds`
  }.`;

/** The refusal names its real cause: this browser's failures, or its whole address's. */
const CAUSE: Record<ThrottleReason, string> = {
  learner: 'Too many failed sign-ins for this account from this browser.',
  address: 'Too many failed sign-ins for this account from your address.',
  ceiling: 'Too many failed sign-ins from your address, across all its users.',
};

export const throttleMessage = (verdict: { retryAfterSeconds: number; reason: ThrottleReason }) =>
  `${CAUSE[verdict.reason]} ${tryAgainIn(verdict.retryAfterSeconds)}`;
