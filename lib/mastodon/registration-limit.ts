import { memoryWindowCounter, type WindowCounter } from '../http/window-counter';

/**
 * Limits app registrations (and other creations) per address in a window. Mastodon allows 5 per 10
 * minutes; a classroom shares one address, so the playground's default is generous
 * (APP_REGISTRATION_LIMIT). Counted through Redis when the counter is shared (sharedWindowCounter),
 * so several instances allow `limit` in all, not each.
 */
export class RegistrationLimit {
  constructor(
    private readonly limit: number,
    private readonly counter: WindowCounter = memoryWindowCounter(10 * 60 * 1000),
  ) {}

  /** Counts one registration; answers how many seconds to wait when over the limit. */
  async take(address: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    const { count, resetInMs } = await this.counter.increment(address);
    if (count <= this.limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)) };
  }
}
