import { describe, expect, it } from 'vitest';
import { SignInThrottle, throttleMessage } from './sign-in-throttle';

function throttleAt(start = 1_000_000) {
  let now = start;
  const throttle = new SignInThrottle(3, 60_000, () => now);
  return { throttle, advance: (ms: number) => (now += ms) };
}

describe('sign-in throttle', () => {
  it('allows attempts until the account has failed maxFailures times from one address', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 3; i++) {
      expect(throttle.check('alice', '10.0.0.1').allowed).toBe(true);
      throttle.recordFailure('alice', '10.0.0.1');
    }
    expect(throttle.check('alice', '10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('does not lock the account for other addresses, nor other accounts from that address', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 3; i++) throttle.recordFailure('alice', '10.0.0.1');
    expect(throttle.check('alice', '10.0.0.2').allowed).toBe(true);
    expect(throttle.check('bob', '10.0.0.1').allowed).toBe(true);
  });

  it('treats the username case-insensitively', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 3; i++) throttle.recordFailure('Alice', '10.0.0.1');
    expect(throttle.check(' alice ', '10.0.0.1').allowed).toBe(false);
  });

  it('lets the pair try again once the oldest failure leaves the window', () => {
    const { throttle, advance } = throttleAt();
    for (let i = 0; i < 3; i++) {
      throttle.recordFailure('alice', '10.0.0.1');
      advance(10_000);
    }
    expect(throttle.check('alice', '10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    advance(30_001);
    expect(throttle.check('alice', '10.0.0.1').allowed).toBe(true);
  });

  it('forgets failures after a successful sign-in', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 2; i++) throttle.recordFailure('alice', '10.0.0.1');
    throttle.recordSuccess('alice', '10.0.0.1');
    throttle.recordFailure('alice', '10.0.0.1');
    expect(throttle.check('alice', '10.0.0.1').allowed).toBe(true);
  });

  it('says how long to wait in words', () => {
    expect(throttleMessage(45)).toMatch(/Try again in 45 seconds/);
    expect(throttleMessage(301)).toMatch(/Try again in 6 minutes/);
  });
});
