import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isLearnerId,
  learnerCookiePair,
  learnerIdFromCookieHeader,
  newLearnerId,
  signLearnerId,
} from './learner';

const key = randomBytes(32);

describe('learner ids', () => {
  it('are 128 random bits, base64url, different each time', () => {
    const ids = new Set(Array.from({ length: 100 }, newLearnerId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(isLearnerId(id)).toBe(true);
  });

  it('are read from a Cookie header among other cookies when the server signed them', () => {
    const id = newLearnerId();
    const cookie = signLearnerId(id, key);
    expect(learnerIdFromCookieHeader(`_session=x; playground_learner=${cookie}; other=y`, key)).toBe(id);
    expect(learnerIdFromCookieHeader(`__Host-playground_learner=${cookie}`, key)).toBe(id);
  });

  it('pass over a stale cookie of the same name for the one that verifies', () => {
    const id = newLearnerId();
    const stale = signLearnerId(newLearnerId(), randomBytes(32));
    expect(
      learnerIdFromCookieHeader(
        `playground_learner=${stale}; playground_learner=${signLearnerId(id, key)}`,
        key,
      ),
    ).toBe(id);
  });

  it('are refused unsigned, forged, signed with another key, or grafted onto another id', () => {
    const id = newLearnerId();
    const [, signature] = signLearnerId(id, key).split('.');
    expect(learnerIdFromCookieHeader(`playground_learner=${id}`, key)).toBeUndefined();
    expect(learnerIdFromCookieHeader(`playground_learner=${id}.${'A'.repeat(22)}`, key)).toBeUndefined();
    expect(
      learnerIdFromCookieHeader(`playground_learner=${signLearnerId(id, randomBytes(32))}`, key),
    ).toBeUndefined();
    expect(
      learnerIdFromCookieHeader(`playground_learner=${newLearnerId()}.${signature}`, key),
    ).toBeUndefined();
  });

  it('are ignored when malformed or absent', () => {
    expect(learnerIdFromCookieHeader('playground_learner=short', key)).toBeUndefined();
    expect(learnerIdFromCookieHeader('playground_learner=../../etc/passwd-aaaaaaaa', key)).toBeUndefined();
    expect(learnerIdFromCookieHeader(null, key)).toBeUndefined();
  });
});

describe('the learner cookie for a command of the learner’s own ("Copy as curl")', () => {
  it('is the cookie that verifies, by its name, and nothing else of the Cookie header', () => {
    const cookie = signLearnerId(newLearnerId(), key);
    const stale = signLearnerId(newLearnerId(), randomBytes(32));
    expect(
      learnerCookiePair(`_session=x; playground_learner=${stale}; playground_learner=${cookie}; o=y`, key),
    ).toBe(`playground_learner=${cookie}`);
    expect(learnerCookiePair(`__Host-playground_learner=${cookie}`, key)).toBe(
      `__Host-playground_learner=${cookie}`,
    );
  });

  it('is none where no cookie this server signed is carried', () => {
    expect(
      learnerCookiePair(`playground_learner=${signLearnerId(newLearnerId(), randomBytes(32))}`, key),
    ).toBe(undefined);
    expect(learnerCookiePair(null, key)).toBeUndefined();
  });
});
