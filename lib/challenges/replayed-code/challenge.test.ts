import { describe, expect, it } from 'vitest';
import { bearerCall, evidenceOf, tokenRequest } from '../testing';
import { replayedCode } from './challenge';

const redeem = {
  grant_type: 'authorization_code',
  code: 'code-1',
  code_verifier: 'verifier',
  redirect_uri: 'http://localhost:3000/callback',
};
const first = tokenRequest(3, redeem, 200, {
  access_token: 'token-1',
  token_type: 'Bearer',
  scope: 'openid read',
});
const replay = tokenRequest(5, redeem, 400, {
  error: 'invalid_grant',
  error_description: 'grant request is invalid',
});

describe('replayed-code: graded from the trace', () => {
  it('is solved by a redemption, its refused replay, and the first token refused afterwards', async () => {
    const verdict = await replayedCode.grade(
      evidenceOf([
        first,
        bearerCall(4, '/api/v1/accounts/verify_credentials', 'token-1', 200),
        replay,
        bearerCall(6, '/api/v1/accounts/verify_credentials', 'token-1', 401),
      ]),
    );
    expect(verdict).toEqual({
      solved: true,
      summary: expect.stringContaining('#5 (invalid_grant)'),
      proof: [3, 5, 6],
    });
  });

  it('is not solved by the refusal alone: the first token must be shown dead', async () => {
    const verdict = await replayedCode.grade(evidenceOf([first, replay]));
    expect(verdict).toEqual({
      solved: false,
      missing: expect.stringContaining('Now show that the first access token (from #3) died'),
      seen: [3, 5],
    });
  });

  it('is not solved when the first token still works after the replay (a JWT), and says why', async () => {
    const verdict = await replayedCode.grade(
      evidenceOf([first, replay, bearerCall(6, '/api/v1/accounts/verify_credentials', 'token-1', 200)]),
    );
    expect(verdict.solved).toBe(false);
    expect(verdict).toMatchObject({
      missing: expect.stringContaining('still worked at #6'),
      seen: [3, 5, 6],
    });
  });

  it('does not count a 401 from before the replay', async () => {
    const verdict = await replayedCode.grade(
      evidenceOf([first, bearerCall(4, '/oidc/me', 'token-1', 401), replay]),
    );
    expect(verdict.solved).toBe(false);
  });

  it('does not count another token refused after the replay', async () => {
    const verdict = await replayedCode.grade(
      evidenceOf([first, replay, bearerCall(6, '/oidc/me', 'someone-elses', 401)]),
    );
    expect(verdict.solved).toBe(false);
  });

  it('does not count a replay of a code this learner never redeemed (another learner’s)', async () => {
    const theirs = tokenRequest(5, { ...redeem, code: 'code-of-another-learner' }, 400, {
      error: 'invalid_grant',
    });
    const verdict = await replayedCode.grade(
      evidenceOf([first, theirs, bearerCall(6, '/oidc/me', 'token-1', 401)]),
    );
    expect(verdict).toEqual({
      solved: false,
      missing: expect.stringContaining('#5 was never redeemed in your trace'),
      seen: [5],
    });
  });

  it('does not count a replay sent before the first redemption', async () => {
    const early = tokenRequest(2, redeem, 400, { error: 'invalid_grant' });
    const verdict = await replayedCode.grade(
      evidenceOf([early, first, bearerCall(6, '/oidc/me', 'token-1', 401)]),
    );
    expect(verdict.solved).toBe(false);
  });

  it('says what is missing on an empty trace, and after a single redemption', async () => {
    expect(await replayedCode.grade(evidenceOf([]))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('No authorization code has been redeemed'),
    });
    expect(await replayedCode.grade(evidenceOf([first]))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('not sent to the token endpoint again'),
      seen: [3],
    });
  });
});
