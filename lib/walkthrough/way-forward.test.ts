import { describe, expect, it } from 'vitest';
import { wayForward } from './way-forward';

describe('the way forward after a refusal', () => {
  it('offers S256 when the server refused the plain code_challenge_method', () => {
    expect(
      wayForward({
        error: {
          error: 'invalid_request',
          error_description: 'not supported value of code_challenge_method',
        },
        redeemsCode: false,
        codeChallengeMethod: 'plain',
      }),
    ).toBe('choose-s256');
  });

  it('does not blame PKCE for another invalid_request sent with plain', () => {
    expect(
      wayForward({
        error: { error: 'invalid_request', error_description: 'missing required parameter(s) (scope)' },
        redeemsCode: false,
        codeChallengeMethod: 'plain',
      }),
    ).toBe('retry');
  });

  it('asks for a new code when the token endpoint refuses a code: sending it again cannot succeed', () => {
    expect(
      wayForward({
        error: { error: 'invalid_grant', status: 400 },
        redeemsCode: true,
        codeChallengeMethod: 'S256',
      }),
    ).toBe('new-code');
  });

  it('lets a refused password be typed again: invalid_grant on a step that redeems no code', () => {
    expect(
      wayForward({
        error: { error: 'invalid_grant', error_description: 'invalid username or password' },
        redeemsCode: false,
      }),
    ).toBe('retry');
  });

  it('lets a denied consent or a failed request be tried again', () => {
    for (const error of ['access_denied', 'network_error', 'state_mismatch'])
      expect(wayForward({ error: { error }, redeemsCode: false })).toBe('retry');
  });
});
