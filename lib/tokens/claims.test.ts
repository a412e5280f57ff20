import { describe, expect, it } from 'vitest';
import { relativeTime } from './claims';

describe('relative times', () => {
  const now = 1_800_000_000_000;
  it('says how far ahead or behind a time is, in the largest fitting unit', () => {
    expect(relativeTime(now / 1000 + 3540, now)).toBe('in 59 minutes');
    expect(relativeTime(now / 1000 - 120, now)).toBe('2 minutes ago');
    expect(relativeTime(now / 1000 + 1, now)).toBe('in 1 second');
    expect(relativeTime(now / 1000 + 14 * 86400, now)).toBe('in 14 days');
  });

  it('says "just now" for a time within the current second, not "in 0 seconds"', () => {
    expect(relativeTime(now / 1000, now)).toBe('just now');
    expect(relativeTime(now / 1000 - 0.4, now)).toBe('just now');
  });
});
