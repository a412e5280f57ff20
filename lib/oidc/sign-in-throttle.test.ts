import { describe, expect, it } from 'vitest';
import type { Requester } from '../http/on-behalf';
import { memoryWindowCounter } from '../http/window-counter';
import { LearnerThrottle } from '../http/learner-throttle';
import { throttleMessage } from './sign-in-throttle';

function throttleAt(start = 1_000_000) {
  let now = start;
  const throttle = new LearnerThrottle(
    memoryWindowCounter(60_000, () => now),
    {
      perLearner: 3,
      perAddress: 10,
    },
  );
  return { throttle, advance: (ms: number) => (now += ms) };
}

const learner = (learnerId: string, address = '203.0.113.1'): Requester => ({ address, learnerId });
const anonymous = (address: string): Requester => ({ address, learnerId: undefined });

async function fail(throttle: LearnerThrottle, times: number, who: Requester, account = 'alice') {
  for (let i = 0; i < times; i++) await throttle.recordFailure(account, who);
}

describe('sign-in throttle', () => {
  it('stops one learner after perLearner failures for an account, and says it is this browser', async () => {
    const { throttle } = throttleAt();
    await fail(throttle, 2, learner('a'));
    expect((await throttle.check('alice', learner('a'))).allowed).toBe(true);
    await fail(throttle, 1, learner('a'));
    expect(await throttle.check('alice', learner('a'))).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
      reason: 'learner',
    });
  });

  it('lets a second learner behind the same address sign in to the same account', async () => {
    const { throttle } = throttleAt();
    await fail(throttle, 3, learner('a'));
    expect((await throttle.check('alice', learner('b'))).allowed).toBe(true);
  });

  it('stops a guesser who rotates learner ids once the address reaches its ceiling', async () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 10; i++) await fail(throttle, 1, learner(`rotated-${i}`));
    expect(await throttle.check('alice', learner('fresh'))).toMatchObject({
      allowed: false,
      reason: 'ceiling',
    });
    expect((await throttle.check('alice', learner('fresh', '203.0.113.2'))).allowed).toBe(true);
  });

  it('counts a request without a learner id on its address alone', async () => {
    const { throttle } = throttleAt();
    await fail(throttle, 3, anonymous('10.0.0.1'));
    expect(await throttle.check('alice', anonymous('10.0.0.1'))).toMatchObject({
      allowed: false,
      reason: 'address',
    });
    expect((await throttle.check('alice', anonymous('10.0.0.2'))).allowed).toBe(true);
    expect((await throttle.check('bob', anonymous('10.0.0.1'))).allowed).toBe(true);
    // A learner at that address has their own count.
    expect((await throttle.check('alice', learner('a', '10.0.0.1'))).allowed).toBe(true);
  });

  it('treats the username case-insensitively', async () => {
    const { throttle } = throttleAt();
    await fail(throttle, 3, learner('a'), 'Alice');
    expect((await throttle.check(' alice ', learner('a'))).allowed).toBe(false);
  });

  it('lets the learner try again when the window ends', async () => {
    const { throttle, advance } = throttleAt();
    await fail(throttle, 3, learner('a'));
    advance(45_000);
    expect(await throttle.check('alice', learner('a'))).toMatchObject({ retryAfterSeconds: 15 });
    advance(15_001);
    expect((await throttle.check('alice', learner('a'))).allowed).toBe(true);
  });

  it('clears that learner’s failures after a successful sign-in, and no one else’s', async () => {
    const { throttle } = throttleAt();
    await fail(throttle, 2, learner('a'));
    await fail(throttle, 3, learner('b'));
    await throttle.recordSuccess('alice', learner('a'));
    await fail(throttle, 2, learner('a'));
    expect((await throttle.check('alice', learner('a'))).allowed).toBe(true);
    expect((await throttle.check('alice', learner('b'))).allowed).toBe(false);
  });

  it('names the count that ran out and how long to wait, in words', () => {
    expect(throttleMessage({ retryAfterSeconds: 45, reason: 'learner' })).toBe(
      'Too many failed sign-ins for this account from this browser. Try again in 45 seconds.',
    );
    expect(throttleMessage({ retryAfterSeconds: 301, reason: 'ceiling' })).toMatch(
      /from your address, across all its users\. Try again in 6 minutes/,
    );
  });
});
