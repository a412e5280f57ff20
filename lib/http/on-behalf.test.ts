import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { vouchedRequester, vouchFor } from './on-behalf';

const key = randomBytes(32);
const requester = { address: '203.0.113.7', learnerId: 'AAAAAAAAAAAAAAAAAAAAAA' };

describe('on-behalf header of loopback calls', () => {
  it('carries the learner and their address when the server signed it', () => {
    expect(vouchedRequester(vouchFor(requester, key), key)).toEqual(requester);
    const anonymous = { address: '2001:db8::1', learnerId: undefined };
    expect(vouchedRequester(vouchFor(anonymous, key), key)).toEqual(anonymous);
  });

  it('is ignored when forged, altered, signed with another key or expired', () => {
    const genuine = vouchFor(requester, key, 1_000);
    expect(vouchedRequester(genuine.replace('203.0.113.7', '203.0.113.8'), key, 1_000)).toBeUndefined();
    expect(vouchedRequester(vouchFor(requester, randomBytes(32), 1_000), key, 1_000)).toBeUndefined();
    expect(vouchedRequester('203.0.113.7 - 99999999999999 AAAA', key)).toBeUndefined();
    expect(vouchedRequester(genuine, key, 1_000 + 30_001)).toBeUndefined();
    expect(vouchedRequester(null, key)).toBeUndefined();
  });
});
