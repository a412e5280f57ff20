import { describe, expect, it } from 'vitest';
import { outOfBandError } from './out-of-band-errors';

describe('the out-of-band page’s error text', () => {
  it('names a known RFC 6749 error code with our own sentence', () => {
    expect(outOfBandError('access_denied')).toEqual({
      error: 'access_denied',
      text: expect.stringContaining('Access was denied'),
    });
  });

  it('does not repeat an unknown error code, nor inherited object keys', () => {
    for (const error of ['Call +1 555 0100 to unlock your account', 'constructor', '__proto__']) {
      const answer = outOfBandError(error);
      expect(answer.error).toBeUndefined();
      expect(answer.text).not.toContain(error);
    }
  });
});
