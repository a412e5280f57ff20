import { describe, expect, it } from 'vitest';
import { byAttacker, codeIssuedFor, forgedCallback as lure, redemption } from '../attacker-testing';
import { evidenceOf } from '../testing';
import type { IssuedToken } from '../types';
import { forgedCallback } from './challenge';

const CLIENT = 'lab-web-without-pkce';
const token = (subject: string): IssuedToken => ({
  subject,
  clientId: CLIENT,
  scopes: ['openid'],
  active: true,
});

/** The attacker's code for bob (#1, #2), alice's browser lured with it (#3), the client redeeming it (#4). */
const forgedLogin = [
  ...codeIssuedFor(1, { client_id: CLIENT }, 'bobs-1', { run: 'run-off', attacker: true }),
  lure(3, 'bobs-1', 'run-off'),
  redemption(4, { code: 'bobs-1', client_id: CLIENT }, { status: 200, accessToken: 'session' }),
];
/** The same with the defense on: the client waiting in run-on (#7) never redeems the attacker's code. */
const refused = [
  ...codeIssuedFor(5, { client_id: CLIENT }, 'bobs-2', { run: 'run-on', attacker: true }),
  lure(7, 'bobs-2', 'run-on'),
];

describe('forged-callback: login CSRF, graded from the codes and the redemptions the servers saw', () => {
  it('is solved by a forged login as bob, then a forged callback the waiting client never redeemed', async () => {
    const verdict = await forgedCallback.grade(
      evidenceOf([...forgedLogin, ...refused], { session: token('bob') }),
    );
    expect(verdict).toEqual({
      solved: true,
      summary: expect.stringContaining('alice was signed in as bob'),
      proof: [3, 4, 7],
    });
  });

  it('is not solved by the forged login alone', async () => {
    const verdict = await forgedCallback.grade(evidenceOf(forgedLogin, { session: token('bob') }));
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('Now repeat it with state bound to alice’s session'),
      seen: [3, 4],
    });
  });

  it('is not solved by the refusal alone', async () => {
    expect(await forgedCallback.grade(evidenceOf(refused))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('Now show the forged login it stops'),
      seen: [7],
    });
  });

  it('does not count a forged callback opened with no client waiting for an answer as the defense', async () => {
    const unwaited = [
      ...codeIssuedFor(5, { client_id: CLIENT }, 'bobs-2', { attacker: true }),
      lure(7, 'bobs-2'),
    ];
    const verdict = await forgedCallback.grade(
      evidenceOf([...forgedLogin, ...unwaited], { session: token('bob') }),
    );
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('no client was waiting'),
    });
    expect(await forgedCallback.grade(evidenceOf(unwaited))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('no client was waiting for an answer there'),
    });
  });

  it('does not count a login whose token is alice’s rather than bob’s', async () => {
    const verdict = await forgedCallback.grade(
      evidenceOf([...forgedLogin, ...refused], { session: token('alice') }),
    );
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('the token is alice’s, not bob’s'),
    });
  });

  it('does not count a callback carrying a code the attacker did not get in its own session', async () => {
    const alicesOwn = [
      ...codeIssuedFor(1, { client_id: CLIENT }, 'alices', { run: 'run-off' }),
      lure(3, 'alices', 'run-off'),
      redemption(4, { code: 'alices', client_id: CLIENT }, { status: 200, accessToken: 'session' }),
    ];
    expect(await forgedCallback.grade(evidenceOf(alicesOwn, { session: token('alice') }))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('is not one the attacker got in its own session'),
    });
  });

  it('does not count the attacker redeeming its own code instead of the client', async () => {
    const trace = [
      ...forgedLogin.slice(0, 3),
      byAttacker(
        redemption(4, { code: 'bobs-1', client_id: CLIENT }, { status: 200, accessToken: 'session' }),
      ),
      ...refused,
    ];
    expect(await forgedCallback.grade(evidenceOf(trace, { session: token('bob') }))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('The attacker redeemed bob’s code itself at #4'),
    });
  });

  it('does not count a redemption sent before the forged callback', async () => {
    const early = [
      ...codeIssuedFor(1, { client_id: CLIENT }, 'bobs-1', { run: 'run-off', attacker: true }),
      redemption(3, { code: 'bobs-1', client_id: CLIENT }, { status: 200, accessToken: 'session' }),
      lure(4, 'bobs-1', 'run-off'),
      ...refused,
    ];
    const verdict = await forgedCallback.grade(evidenceOf(early, { session: token('bob') }));
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('Now show the forged login'),
    });
    // Nor a callback whose code was redeemed before it as the defended half.
    const stale = [...forgedLogin, lure(7, 'bobs-1', 'run-on')];
    expect(await forgedCallback.grade(evidenceOf(stale, { session: token('bob') }))).toMatchObject({
      solved: false,
    });
  });

  it('says what is missing before any forged callback', async () => {
    expect(await forgedCallback.grade(evidenceOf(refused.slice(0, 2)))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('no browser has been sent to the client’s callback'),
    });
  });
});
