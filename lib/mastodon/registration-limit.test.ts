import { describe, expect, it } from 'vitest';
import { RegistrationLimit } from './registration-limit';

describe('app registration limit', () => {
  it('allows `limit` registrations per address per window, then says how long to wait', () => {
    let now = 0;
    const limit = new RegistrationLimit(2, 60_000, () => now);
    expect(limit.take('a').allowed).toBe(true);
    now = 10_000;
    expect(limit.take('a').allowed).toBe(true);
    expect(limit.take('a')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(limit.take('b').allowed).toBe(true);
    now = 60_001;
    expect(limit.take('a').allowed).toBe(true);
  });
});
