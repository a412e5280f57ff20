/**
 * Limits app registrations per address in a sliding window. Mastodon allows 5 per 10 minutes; a
 * classroom shares one address, so the playground's default is generous (APP_REGISTRATION_LIMIT).
 */
export class RegistrationLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 10 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one registration; answers how many seconds to wait when over the limit. */
  take(address: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const recent = (this.hits.get(address) ?? []).filter((time) => time > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(address, recent);
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)),
      };
    }
    recent.push(now);
    this.hits.set(address, recent);
    if (this.hits.size > 10_000) {
      for (const [key, times] of this.hits)
        if (times.every((time) => time <= now - this.windowMs)) this.hits.delete(key);
    }
    return { allowed: true };
  }
}
