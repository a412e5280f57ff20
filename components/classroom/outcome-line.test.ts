import { describe, expect, it } from 'vitest';
import { outcomeLine } from './outcome-line';

describe('the one-line outcome followers read under the instructor’s step', () => {
  it('says who answered, the status as the badge reads it, and that it accepted the request', () => {
    expect(
      outcomeLine(
        { phase: { kind: 'answered', status: 200 }, response: { status: 200, headers: [], body: '{}' } },
        'authorization-server',
      ),
    ).toBe('The authorization server answered 200 OK: it accepted the request.');
  });

  it('names a refusal’s error code', () => {
    expect(
      outcomeLine(
        {
          phase: { kind: 'refused', status: 400 },
          response: { status: 400, headers: [], body: '{"error":"invalid_grant"}' },
          error: { error: 'invalid_grant', status: 400 },
        },
        'authorization-server',
      ),
    ).toBe('The authorization server answered 400 Bad Request: it refused the request with invalid_grant.');
  });

  it('a refusal without a response is the client’s own; nothing is said before a send', () => {
    expect(outcomeLine({ phase: { kind: 'refused' }, error: { error: 'state_mismatch' } }, 'client')).toBe(
      'The client refused the response: state_mismatch.',
    );
    expect(outcomeLine({ phase: { kind: 'ready', action: 'send' } }, 'client')).toBeUndefined();
  });
});
