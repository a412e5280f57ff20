import { describe, expect, it } from 'vitest';
import { attackWalkthroughBySlug } from '..';
import { json, runWalkthrough, tokenResponse } from '../../walkthrough/testing';
import type { ExchangeResult } from '../../../lib/walkthrough/types';
import { forgeAlgNone, jwtAlgorithmConfusion } from './steps';

const machine = attackWalkthroughBySlug('jwt-algorithm-confusion')!.machine;
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const bobsJwt = `${b64({ alg: 'ES256', typ: 'at+jwt' })}.${b64({ sub: 'bob', aud: 'http://localhost:3000/api', scope: 'read' })}.c2ln`;

async function play(answers: ExchangeResult[], pin: 'on' | 'off') {
  const run = runWalkthrough(machine, jwtAlgorithmConfusion, () => answers.shift()!, { defense_pin: pin });
  for (let guard = 0; guard < 6 && !run.actor.getSnapshot().hasTag('complete'); guard++) {
    const snapshot = await run.next();
    if (snapshot.matches('failed')) throw new Error(JSON.stringify(snapshot.context.error));
  }
  return { run, verdict: jwtAlgorithmConfusion.verdict(run.actor.getSnapshot().context) };
}

describe('JWT algorithm confusion (RFC 8725 §2.1)', () => {
  it('forges alg none from a real token: same claims, sub changed, no signature', () => {
    const [header, payload, signature] = forgeAlgNone(bobsJwt, 'alice').split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'none', typ: 'at+jwt' });
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toEqual({
      sub: 'alice',
      aud: 'http://localhost:3000/api',
      scope: 'read',
    });
    expect(signature).toBe('');
  });

  it('succeeds at the resource server that trusts alg: it answers as alice', async () => {
    const { run, verdict } = await play(
      [tokenResponse({ access_token: bobsJwt }), json(200, { sub: 'alice', checked_by: 'trusts-alg' })],
      'off',
    );
    expect(run.sent[0]!.request.headers).toEqual({ 'x-playground-party': 'attacker' });
    expect(run.sent[0]!.request.form).toMatchObject({
      grant_type: 'password',
      username: 'bob',
      client_id: 'lab-api-reader',
    });
    expect(run.sent[1]!.request.path).toBe('/attacks/resource-server/trusting-alg');
    expect(run.sent[1]!.request.headers?.authorization).toBe(`Bearer ${forgeAlgNone(bobsJwt, 'alice')}`);
    expect(verdict).toEqual({ outcome: 'succeeded', proof: expect.stringContaining('answered as alice') });
    // The attacker's real token is kept as the attacker's, not shown as the client's tokens.
    expect(run.actor.getSnapshot().context.tokens).toEqual({});
  });

  it('is blocked once the algorithm and key are pinned', async () => {
    const refusal = {
      error: 'invalid_token',
      error_description: '"alg" (Algorithm) Header Parameter value not allowed',
    };
    const { run, verdict } = await play([tokenResponse({ access_token: bobsJwt }), json(401, refusal)], 'on');
    expect(run.sent[1]!.request.path).toBe('/attacks/resource-server/pinned');
    expect(verdict).toEqual({
      outcome: 'blocked',
      by: 'the resource server (algorithm pinned to ES256, the issuer’s keys)',
      error: { ...refusal, status: 401 },
    });
  });

  it('stops, with no verdict, when the attacker gets no token of its own', async () => {
    const run = runWalkthrough(machine, jwtAlgorithmConfusion, () =>
      json(400, { error: 'invalid_grant', error_description: 'invalid username or password' }),
    );
    const snapshot = await run.next();
    expect(snapshot.matches('failed')).toBe(true);
    expect(snapshot.context.error).toEqual({
      error: 'invalid_grant',
      error_description: 'invalid username or password',
      status: 400,
    });
    expect(jwtAlgorithmConfusion.verdict(snapshot.context)).toBeUndefined();
  });
});
