/**
 * Slows down password guessing: after `maxFailures` wrong passwords for one account from one address
 * within `windowMs`, that pair must wait. The account stays usable from every other address, so one
 * noisy classroom neighbour cannot lock alice out for everyone else.
 */
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 10 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  private key(username: string, address: string) {
    return `${username.trim().toLowerCase()}\u0000${address}`;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const times = (this.failures.get(key) ?? []).filter((time) => time > cutoff);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  check(username: string, address: string): ThrottleVerdict {
    const times = this.recent(this.key(username, address));
    if (times.length < this.maxFailures) return { allowed: true };
    const retryAt = times[times.length - this.maxFailures]! + this.windowMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - this.now()) / 1000)) };
  }

  recordFailure(username: string, address: string): void {
    const key = this.key(username, address);
    this.failures.set(key, [...this.recent(key), this.now()]);
    if (this.failures.size > 10_000) this.prune();
  }

  recordSuccess(username: string, address: string): void {
    this.failures.delete(this.key(username, address));
  }

  private prune() {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}

/** "Try again in 3 minutes." */
export const tryAgainIn = (retryAfterSeconds: number) =>
  `Try again in ${
    retryAfterSeconds >= 60 ? `${Math.ceil(retryAfterSeconds / 60)} minutes` : `${retryAfterSeconds} seconds`
  }.`;

export const throttleMessage = (retryAfterSeconds: number) =>
  `Too many failed sign-ins for this account from your address. ${tryAgainIn(retryAfterSeconds)}`;
