import { describe, expect, it } from 'vitest';
import { byAttacker, codeIssuedFor, redemption } from '../attacker-testing';
import { evidenceOf } from '../testing';
import type { IssuedToken } from '../types';
import { stolenCode } from './challenge';

const CLIENT = 'lab-app-without-pkce';
const alices: IssuedToken = { subject: 'alice', clientId: CLIENT, scopes: ['openid', 'read'], active: true };

/** alice's code without PKCE (#1, #2), redeemed by the attacker at #3 for her token. */
const theft = [
  ...codeIssuedFor(1, { client_id: CLIENT, state: 's1' }, 'code-1', { run: 'run-off-1' }),
  byAttacker(redemption(3, { code: 'code-1', client_id: CLIENT }, { status: 200, accessToken: 'stolen' })),
];
/** alice's code bound to a code_challenge (#4, #5), and the attacker's redemption of it at `seq`. */
const defended = (seq = 6, form: Record<string, string> = {}) => [
  ...codeIssuedFor(
    4,
    { client_id: CLIENT, state: 's2', code_challenge: 'challenge', code_challenge_method: 'S256' },
    'code-2',
    { run: 'run-on-1' },
  ),
  byAttacker(
    redemption(seq, { code: 'code-2', client_id: CLIENT, ...form }, { status: 400, error: 'invalid_grant' }),
  ),
];

describe('stolen-code: the attacker’s redemptions of alice’s codes, without PKCE and with it', () => {
  it('is solved by the attacker’s token for alice without PKCE and its refusal with PKCE', async () => {
    const verdict = await stolenCode.grade(evidenceOf([...theft, ...defended()], { stolen: alices }));
    expect(verdict).toEqual({
      solved: true,
      summary: expect.stringContaining('refused to the attacker at #6, invalid_grant'),
      proof: [2, 3, 5, 6],
    });
  });

  it('is not solved by the theft alone: the defended repeat is missing', async () => {
    const verdict = await stolenCode.grade(evidenceOf(theft, { stolen: alices }));
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('Now repeat the theft with PKCE on'),
      seen: [3],
    });
  });

  it('is not solved by the refusal alone: the theft it stops is missing', async () => {
    const verdict = await stolenCode.grade(evidenceOf(defended()));
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('PKCE stopped the attacker at #6'),
    });
  });

  it('does not count a refusal for an expired code as PKCE’s', async () => {
    // Issued at #5, redeemed at #70: 65 seconds later, past the 60-second lifetime.
    const verdict = await stolenCode.grade(evidenceOf([...theft, ...defended(70)], { stolen: alices }));
    expect(verdict).toMatchObject({ solved: false, missing: expect.stringContaining('had expired') });
  });

  it('does not count a refusal of a code the client had already redeemed', async () => {
    const trace = [
      ...theft,
      ...defended(7),
      redemption(
        6,
        { code: 'code-2', client_id: CLIENT, code_verifier: 'verifier' },
        {
          status: 200,
          accessToken: 'apps',
        },
      ),
    ].sort((a, b) => a.seq - b.seq);
    const verdict = await stolenCode.grade(evidenceOf(trace, { stolen: alices }));
    expect(verdict).toMatchObject({ solved: false, missing: expect.stringContaining('a code works once') });
  });

  it('does not count a refusal for another client_id, nor one of a code issued without a challenge', async () => {
    const wrongClient = await stolenCode.grade(
      evidenceOf([...theft, ...defended(6, { client_id: 'lab-web-without-pkce' })], { stolen: alices }),
    );
    expect(wrongClient).toMatchObject({
      solved: false,
      missing: expect.stringContaining('but it was issued to'),
    });
    const noChallenge = [
      ...theft,
      ...codeIssuedFor(4, { client_id: CLIENT }, 'code-2', { run: 'run-off-2' }),
      byAttacker(
        redemption(6, { code: 'code-2', client_id: 'other' }, { status: 400, error: 'invalid_grant' }),
      ),
    ];
    expect(await stolenCode.grade(evidenceOf(noChallenge, { stolen: alices }))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('carried no code_challenge'),
    });
  });

  it('does not count redemptions the client sent itself, without the attacker’s party header', async () => {
    const byClient = [
      ...codeIssuedFor(1, { client_id: CLIENT }, 'code-1', { run: 'run-off-1' }),
      redemption(3, { code: 'code-1', client_id: CLIENT }, { status: 200, accessToken: 'apps' }),
    ];
    const verdict = await stolenCode.grade(evidenceOf(byClient, { apps: alices }));
    expect(verdict).toEqual({
      solved: false,
      missing: expect.stringContaining('by the client itself, not by the attacker'),
      seen: [3],
    });
  });

  it('does not count the scenario’s own attacker, redeeming within the run that leaked the code', async () => {
    const inRun = <T extends { run?: string }>(event: T, run: string) => ({ ...structuredClone(event), run });
    const oneButton = [
      ...theft.slice(0, 2),
      inRun(theft[2]!, 'run-off-1'),
      ...defended().slice(0, 2),
      inRun(defended()[2]!, 'run-on-1'),
    ];
    const verdict = await stolenCode.grade(evidenceOf(oneButton, { stolen: alices }));
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('was the scenario’s own step, in the run that leaked the code'),
    });
  });

  it('does not count the attacker redeeming its own code, nor a token that is not alice’s', async () => {
    const own = [
      ...codeIssuedFor(1, { client_id: CLIENT }, 'code-1', { attacker: true }),
      byAttacker(redemption(3, { code: 'code-1', client_id: CLIENT }, { status: 200, accessToken: 'bobs' })),
      ...defended(),
    ];
    expect(await stolenCode.grade(evidenceOf(own, { bobs: { ...alices, subject: 'bob' } }))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('never came back to alice’s browser'),
    });
    expect(
      await stolenCode.grade(
        evidenceOf([...theft, ...defended()], { stolen: { ...alices, subject: 'bob' } }),
      ),
    ).toMatchObject({ solved: false, missing: expect.stringContaining('is bob’s, not alice’s') });
  });

  it('ties a code to the request that answered with it at once (alice signed in, consent given)', async () => {
    const [asked] = codeIssuedFor(
      4,
      { client_id: CLIENT, code_challenge: 'c', code_challenge_method: 'S256' },
      'code-2',
      {
        run: 'run-on-1',
      },
    );
    asked!.response.headers = [['location', 'http://localhost:3000/callback?code=code-2&state=s']];
    const refused = byAttacker(
      redemption(6, { code: 'code-2', client_id: CLIENT }, { status: 400, error: 'invalid_grant' }),
    );
    expect(await stolenCode.grade(evidenceOf([...theft, asked!, refused], { stolen: alices }))).toMatchObject(
      {
        solved: true,
        proof: [2, 3, 4, 6],
      },
    );
  });

  it('ties a code to the authorization request of its own run, not the newest one', async () => {
    // alice's PKCE request of another run (#3) comes between her request without PKCE (#1) and its code.
    const interleaved = [
      ...codeIssuedFor(1, { client_id: CLIENT }, 'code-1', { run: 'run-off-1' }).map((event, index) => {
        event.seq = index === 0 ? 1 : 4;
        return event;
      }),
      ...codeIssuedFor(2, { client_id: CLIENT, code_challenge: 'c' }, 'unused', { run: 'run-on-1' }).slice(
        0,
        1,
      ),
      byAttacker(
        redemption(5, { code: 'code-1', client_id: CLIENT }, { status: 400, error: 'invalid_grant' }),
      ),
    ].sort((a, b) => a.seq - b.seq);
    expect(await stolenCode.grade(evidenceOf(interleaved))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('carried no code_challenge'),
    });
  });
});
