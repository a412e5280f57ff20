import { describe, expect, it } from 'vitest';
import { memoryWindowCounter } from '../http/window-counter';
import { RegistrationLimit } from './registration-limit';

describe('app registration limit', () => {
  it('allows `limit` registrations per address per window, then says how long to wait', async () => {
    let now = 0;
    const limit = new RegistrationLimit(
      2,
      memoryWindowCounter(60_000, () => now),
    );
    expect((await limit.take('a')).allowed).toBe(true);
    now = 10_000;
    expect((await limit.take('a')).allowed).toBe(true);
    expect(await limit.take('a')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await limit.take('b')).allowed).toBe(true);
    now = 60_001;
    expect((await limit.take('a')).allowed).toBe(true);
  });
});
