import { describe, expect, it } from 'vitest';
import { evidenceOf, tokenRequest } from '../testing';
import type { IssuedToken } from '../types';
import { readOnlyForBob } from './challenge';

const redeem = (seq: number, token: string, form: Record<string, string> = {}) =>
  tokenRequest(
    seq,
    { grant_type: 'authorization_code', code: `code-${seq}`, code_verifier: 'verifier', ...form },
    200,
    // What the response says of the scope does not count: the server's records do.
    { access_token: token, token_type: 'Bearer', scope: 'openid read' },
  );
const issued = (subject: string | undefined, scope: string): IssuedToken => ({
  ...(subject ? { subject } : {}),
  clientId: 'playground-spa',
  scopes: scope.split(' '),
  active: true,
});

describe('read-only-for-bob: graded from the server’s records of the token', () => {
  it('is solved by bob’s token whose scope reads and changes nothing', async () => {
    const verdict = await readOnlyForBob.grade(
      evidenceOf([redeem(4, 't')], { t: issued('bob', 'openid read') }),
    );
    expect(verdict).toEqual({ solved: true, summary: expect.stringContaining('#4 is bob’s'), proof: [4] });
  });

  it('takes read:statuses as reading', async () => {
    const verdict = await readOnlyForBob.grade(
      evidenceOf([redeem(4, 't')], { t: issued('bob', 'read:statuses') }),
    );
    expect(verdict.solved).toBe(true);
  });

  it('is not solved by a token for bob that can also write', async () => {
    const verdict = await readOnlyForBob.grade(
      evidenceOf([redeem(4, 't')], { t: issued('bob', 'openid read write') }),
    );
    expect(verdict).toEqual({
      solved: false,
      missing: 'A token was issued to bob at #4, but its scope includes write.',
      seen: [4],
    });
  });

  it('is not solved by a read-only token for alice', async () => {
    const verdict = await readOnlyForBob.grade(
      evidenceOf([redeem(4, 't')], { t: issued('alice', 'openid read') }),
    );
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('but for alice: sign in as bob'),
    });
  });

  it('is not solved without PKCE, nor by a token the server has no record of', async () => {
    const withoutPkce = redeem(4, 't', { code_verifier: '' });
    expect(await readOnlyForBob.grade(evidenceOf([withoutPkce], { t: issued('bob', 'read') }))).toMatchObject(
      { solved: false, missing: expect.stringContaining('without a code_verifier') },
    );
    expect(await readOnlyForBob.grade(evidenceOf([redeem(4, 'forged')]))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('no record of the token issued at #4'),
    });
  });

  it('is not solved by another grant (the password grant) even for bob, read only', async () => {
    const password = tokenRequest(
      4,
      { grant_type: 'password', username: 'bob', password: 'builder', scope: 'read' },
      200,
      { access_token: 't' },
    );
    const verdict = await readOnlyForBob.grade(evidenceOf([password], { t: issued('bob', 'read') }));
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('No access token has been issued for an authorization code'),
    });
  });

  it('is solved by an earlier attempt, and otherwise speaks of the newest', async () => {
    const trace = [redeem(4, 'good'), redeem(9, 'wide')];
    const tokens = { good: issued('bob', 'read'), wide: issued('bob', 'read write follow') };
    expect(await readOnlyForBob.grade(evidenceOf(trace, tokens))).toMatchObject({ solved: true, proof: [4] });
    const verdict = await readOnlyForBob.grade(
      evidenceOf(trace, { ...tokens, good: issued('alice', 'read') }),
    );
    expect(verdict).toMatchObject({
      missing: 'A token was issued to bob at #9, but its scope includes write, follow.',
    });
  });
});
