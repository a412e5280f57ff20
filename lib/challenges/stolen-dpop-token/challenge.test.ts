import { describe, expect, it } from 'vitest';
import { apiCall, evidenceOf, tokenRequest } from '../testing';
import type { IssuedToken } from '../types';
import { stolenDpopToken } from './challenge';

const ACCOUNT = '/api/v1/accounts/verify_credentials';
const redeem = (seq: number, token: string) =>
  tokenRequest(seq, { grant_type: 'authorization_code', code: 'c', code_verifier: 'v' }, 200, {
    access_token: token,
    // What the response says of the binding does not count: the server's reading of the token does.
    token_type: 'DPoP',
  });
const record = (boundTo?: string): IssuedToken => ({
  subject: 'alice',
  clientId: 'playground-dpop',
  scopes: ['read'],
  active: true,
  ...(boundTo ? { boundTo } : {}),
});
const withProof = (seq: number, status = 200) =>
  apiCall(seq, ACCOUNT, 'DPoP t', status, { proof: true, run: 'run-1' });

describe('stolen-dpop-token: a bound token honoured with its proof, a copy without one refused', () => {
  it('is solved when the learner’s own copy, sent without a proof, is refused', async () => {
    const verdict = await stolenDpopToken.grade(
      evidenceOf([redeem(2, 't'), withProof(3), apiCall(5, ACCOUNT, 'Bearer t', 401)], {
        t: record('jkt-1'),
      }),
    );
    expect(verdict).toEqual({
      solved: true,
      summary: expect.stringContaining('refused at #5'),
      proof: [2, 3, 5],
    });
  });

  it('counts a copy sent with the DPoP scheme but no proof as a thief’s too', async () => {
    const verdict = await stolenDpopToken.grade(
      evidenceOf([redeem(2, 't'), withProof(3), apiCall(5, ACCOUNT, 'DPoP t', 401)], { t: record('jkt-1') }),
    );
    expect(verdict.solved).toBe(true);
  });

  it('is not solved by the walkthrough’s own thief step: the learner replays it', async () => {
    const byTheRun = apiCall(4, ACCOUNT, 'Bearer t', 401, { run: 'run-1' });
    const verdict = await stolenDpopToken.grade(
      evidenceOf([redeem(2, 't'), withProof(3), byTheRun], { t: record('jkt-1') }),
    );
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('now be the thief yourself'),
      seen: [2, 3, 4],
    });
  });

  it('is not solved by a Bearer token refused: it was never bound', async () => {
    const verdict = await stolenDpopToken.grade(
      evidenceOf([redeem(2, 't'), withProof(3), apiCall(5, ACCOUNT, 'Bearer t', 401)], { t: record() }),
    );
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('No token in your trace is bound'),
    });
  });

  it('is not solved before the token was used with its proof, nor by a copy refused before that', async () => {
    const early = apiCall(3, ACCOUNT, 'Bearer t', 401);
    const verdict = await stolenDpopToken.grade(evidenceOf([redeem(2, 't'), early], { t: record('jkt-1') }));
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('has not been used with a proof'),
    });
    const afterwards = await stolenDpopToken.grade(
      evidenceOf([redeem(2, 't'), early, withProof(4)], { t: record('jkt-1') }),
    );
    expect(afterwards).toMatchObject({ solved: false, missing: expect.stringContaining('Now send a copy') });
  });

  it('is not solved by a copy refused for another reason than a missing proof (a bad status)', async () => {
    const verdict = await stolenDpopToken.grade(
      evidenceOf([redeem(2, 't'), withProof(3), apiCall(5, ACCOUNT, 'Bearer t', 403)], {
        t: record('jkt-1'),
      }),
    );
    expect(verdict.solved).toBe(false);
  });
});
