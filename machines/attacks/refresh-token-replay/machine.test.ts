import { describe, expect, it } from 'vitest';
import { attackWalkthroughBySlug } from '..';
import { json, runWalkthrough, tokenResponse, type SentRequest } from '../../walkthrough/testing';
import type { ExchangeResult } from '../../../lib/walkthrough/types';
import { refreshTokenReplay } from './steps';

const machine = attackWalkthroughBySlug('refresh-token-replay')!.machine;
const refused = json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' });

/** Plays the scenario to its end with the network answering from `answers`, in order. */
async function play(answers: ExchangeResult[], defenses: Record<string, string> = {}) {
  const run = runWalkthrough(machine, refreshTokenReplay, () => answers.shift()!, defenses);
  for (let guard = 0; guard < 20 && !run.actor.getSnapshot().hasTag('complete'); guard++) {
    const snapshot = await run.next();
    if (snapshot.matches('failed')) throw new Error(`failed: ${JSON.stringify(snapshot.context.error)}`);
  }
  const { context } = run.actor.getSnapshot();
  return { run, context, verdict: refreshTokenReplay.verdict(context) };
}

const pathOf = (sent: SentRequest) => `${sent.request.method} ${sent.request.path}`;

describe('refresh token replay (RFC 9700 §4.14)', () => {
  it('succeeds without rotation: the stolen refresh token still works after the client refreshed', async () => {
    const { run, verdict } = await play([
      tokenResponse({ access_token: 'at-1', refresh_token: 'rt-1' }),
      json(201, { received: { kind: 'refresh_token' } }),
      tokenResponse({ access_token: 'at-2', refresh_token: 'rt-1' }),
      tokenResponse({ access_token: 'at-attacker', refresh_token: 'rt-1' }),
      json(200, { id: '1', acct: 'alice' }),
      json(200, { sub: 'alice' }),
    ]);
    expect(run.sent.map(pathOf)).toEqual([
      'POST /oidc/token',
      'POST /api/attacker/loot',
      'POST /oidc/token',
      'POST /api/attacker/refresh-token-replay',
      'POST /api/attacker/call-api',
      'GET /oidc/me',
    ]);
    expect(run.sent[0]!.request.form?.client_id).toBe('lab-spa-without-rotation');
    expect(run.sent[1]!.request.form).toEqual({
      refresh_token: 'rt-1',
      client_id: 'lab-spa-without-rotation',
    });
    expect(run.sent[5]!.request.headers).toEqual({ authorization: 'Bearer at-2' });
    expect(verdict).toEqual({
      outcome: 'succeeded',
      proof: expect.stringContaining('@alice’s account'),
    });
  });

  it('is blocked with rotation: the replay gets invalid_grant and the client’s own token is revoked', async () => {
    const { run, verdict } = await play(
      [
        tokenResponse({ access_token: 'at-1', refresh_token: 'rt-1' }),
        json(201, { received: { kind: 'refresh_token' } }),
        tokenResponse({ access_token: 'at-2', refresh_token: 'rt-2' }),
        refused,
        json(409, { error: 'nothing_stolen', error_description: 'The attacker holds no access token.' }),
        json(401, { error: 'invalid_token', error_description: 'invalid token provided' }),
      ],
      { defense_rotation: 'on' },
    );
    expect(run.sent.every((sent) => sent.request.form?.client_id !== 'lab-spa-without-rotation')).toBe(true);
    expect(run.sent[2]!.request.form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'rt-1',
      client_id: 'lab-spa-with-rotation',
    });
    expect(verdict).toEqual({
      outcome: 'blocked',
      by: 'the authorization server (refresh token rotation with reuse detection)',
      error: { error: 'invalid_grant', error_description: 'grant request is invalid', status: 400 },
      detail: expect.stringContaining('HTTP 401, invalid_token'),
    });
  });

  it('gives no verdict before the client checked its own token', async () => {
    const run = runWalkthrough(machine, refreshTokenReplay, () => tokenResponse({ refresh_token: 'rt-1' }));
    await run.next();
    expect(refreshTokenReplay.verdict(run.actor.getSnapshot().context)).toBeUndefined();
  });

  it('stops on a server error from the attacker’s server instead of reading it as a defense', async () => {
    const answers = [tokenResponse({ refresh_token: 'rt-1' }), json(502, { error: 'server_unreachable' })];
    const run = runWalkthrough(machine, refreshTokenReplay, () => answers.shift()!);
    await run.next();
    await run.next();
    const snapshot = await run.next();
    expect(snapshot.matches('failed')).toBe(true);
    expect(snapshot.context.error).toEqual({ error: 'server_unreachable', status: 502 });
    expect(snapshot.context.values.exfiltrate_status).toBeUndefined();
  });
});
