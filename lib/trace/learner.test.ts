import { describe, expect, it } from 'vitest';
import { isLearnerId, learnerIdFromCookieHeader, newLearnerId } from './learner';

describe('learner ids', () => {
  it('are 128 random bits, base64url, different each time', () => {
    const ids = new Set(Array.from({ length: 100 }, newLearnerId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(isLearnerId(id)).toBe(true);
  });

  it('are read from a Cookie header among other cookies', () => {
    const id = newLearnerId();
    expect(learnerIdFromCookieHeader(`_session=x; playground_learner=${id}; other=y`)).toBe(id);
  });

  it('are ignored when malformed or absent', () => {
    expect(learnerIdFromCookieHeader('playground_learner=short')).toBeUndefined();
    expect(learnerIdFromCookieHeader('playground_learner=../../etc/passwd-aaaaaaaa')).toBeUndefined();
    expect(learnerIdFromCookieHeader(null)).toBeUndefined();
  });
});
