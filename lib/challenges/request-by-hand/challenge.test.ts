import { base64url } from 'jose';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizationVisit, evidenceOf, tokenRequest } from '../testing';
import { requestByHand } from './challenge';

const VERIFIER = 'a-verifier-the-learner-made-and-kept-0123456789abcdef';
const CHALLENGE = base64url.encode(createHash('sha256').update(VERIFIER).digest());
const query = (extra: Record<string, string> = {}) => ({
  response_type: 'code',
  client_id: 'playground-spa',
  redirect_uri: 'http://localhost:3000/callback',
  scope: 'openid',
  state: 'my-own-state',
  code_challenge: CHALLENGE,
  code_challenge_method: 'S256',
  ...extra,
});
const back = (seq: number, code: string) => authorizationVisit(seq, {}, code);
const redeem = (seq: number, code: string, verifier = VERIFIER) =>
  tokenRequest(
    seq,
    { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: 'playground-spa' },
    200,
    {
      access_token: 'at',
    },
  );

describe('request-by-hand: graded from the trace', () => {
  it('is solved by a hand-written request with S256 and state, its code redeemed with the verifier', async () => {
    const verdict = await requestByHand.grade(
      evidenceOf([authorizationVisit(2, query()), back(6, 'k'), redeem(8, 'k')]),
    );
    expect(verdict).toMatchObject({ solved: true, proof: [2, 6, 8] });
  });

  it('does not count a request a walkthrough sent', async () => {
    const fromRun = authorizationVisit(2, query(), undefined, 'run-1');
    expect(await requestByHand.grade(evidenceOf([fromRun, back(6, 'k'), redeem(8, 'k')]))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('sent by a walkthrough'),
    });
  });

  it('says what a request lacks: S256, a challenge, a state', async () => {
    const plain = authorizationVisit(2, query({ code_challenge_method: 'plain', state: '' }));
    expect(await requestByHand.grade(evidenceOf([plain, back(6, 'k'), redeem(8, 'k')]))).toMatchObject({
      solved: false,
      missing: 'Your request at #2 lacks code_challenge_method=S256 and a state.',
    });
  });

  it('is not solved by a code from another request, or before the code is redeemed', async () => {
    expect(
      (
        await requestByHand.grade(
          evidenceOf([authorizationVisit(2, query()), back(6, 'k'), redeem(8, 'another-code')]),
        )
      ).solved,
    ).toBe(false);
    expect(
      await requestByHand.grade(evidenceOf([authorizationVisit(2, query()), back(6, 'k')])),
    ).toMatchObject({
      missing: expect.stringContaining('brought a code at #6: now redeem it'),
    });
  });

  it('does not take a code that came back after a later request as this request’s', async () => {
    const later = authorizationVisit(4, query({ state: 'another' }), undefined, 'run-2');
    expect(
      (
        await requestByHand.grade(
          evidenceOf([authorizationVisit(2, query()), later, back(6, 'k'), redeem(8, 'k')]),
        )
      ).solved,
    ).toBe(false);
  });
});
