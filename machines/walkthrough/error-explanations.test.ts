import { describe, expect, it } from 'vitest';
import { explainError } from './error-explanations';

describe('error explanations', () => {
  it('gives PKCE plain the server’s own reason: only S256, because plain exposes the verifier', () => {
    const text = explainError('invalid_request', 'not supported value of code_challenge_method');
    expect(text).toContain('only S256');
    expect(text).toContain('the code_challenge is the code_verifier itself');
    expect(text).not.toContain('malformed');
  });

  it('keeps the general meaning for other descriptions of the same error', () => {
    expect(explainError('invalid_request', 'missing required parameter')).toContain('malformed');
  });

  it('does not guess the cause of invalid_grant: the step names it from the trace', () => {
    const text = explainError('invalid_grant', 'grant request is invalid');
    expect(text).not.toMatch(/expired|already used|another client/);
  });
});
