import { LearnerThrottle, tryAgainIn, type ThrottleLimits } from './learner-throttle';
import { errorResponse } from './errors';
import type { Requester } from './on-behalf';
import { sharedWindowCounter } from './window-counter';

/**
 * A rate limit on requests, per learner and per address: the sign-in throttle's two counts (a learner's
 * own, an address's ceiling for a class behind one NAT), each request counted, not only failures.
 * Shared between instances through Redis when REDIS_URL is set, as every limit is.
 */
export class RequestRateLimit {
  readonly #throttle: LearnerThrottle;

  constructor(
    private readonly name: string,
    limits: ThrottleLimits,
    windowMs: number,
    /** Whose requests, for the refusal: "the attack lab's attacker". */
    private readonly what: string,
  ) {
    this.#throttle = new LearnerThrottle(sharedWindowCounter(name, windowMs), limits);
  }

  /** Counts one request; answers the 429 to send when over a limit, else undefined. */
  async take(requester: Requester): Promise<Response | undefined> {
    const verdict = await this.#throttle.check(this.name, requester);
    if (!verdict.allowed) {
      const whose = verdict.reason === 'learner' ? 'this browser' : 'your address';
      return errorResponse(
        429,
        'too_many_requests',
        `Too many requests to ${this.what} from ${whose}. ${tryAgainIn(verdict.retryAfterSeconds)}`,
        { 'retry-after': String(verdict.retryAfterSeconds) },
      );
    }
    await this.#throttle.recordFailure(this.name, requester);
    return undefined;
  }
}
