import { describe, expect, it } from 'vitest';
import { attackWalkthroughBySlug } from '..';
import { json, ORIGIN, runWalkthrough, SECRETS, tokenResponse } from '../../walkthrough/testing';
import type { ExchangeResult } from '../../../lib/walkthrough/types';
import { authorizationCodeInterception } from './steps';

const machine = attackWalkthroughBySlug('authorization-code-interception')!.machine;
const callback = `${ORIGIN}/callback?code=alices-code&state=${SECRETS.state}&iss=${encodeURIComponent(`${ORIGIN}/oidc`)}`;

async function play(answers: ExchangeResult[], pkce: 'on' | 'off') {
  const run = runWalkthrough(machine, authorizationCodeInterception, () => answers.shift()!, {
    ...SECRETS,
    defense_pkce: pkce,
  });
  await run.next();
  run.actor.send({ type: 'CALLBACK', url: callback });
  for (let guard = 0; guard < 12 && !run.actor.getSnapshot().hasTag('complete'); guard++) {
    const snapshot = await run.next();
    if (snapshot.matches('failed')) throw new Error(JSON.stringify(snapshot.context.error));
  }
  const { context } = run.actor.getSnapshot();
  return { run, context, verdict: authorizationCodeInterception.verdict(context) };
}

describe('authorization code interception (RFC 7636 §1)', () => {
  it('succeeds without PKCE: the caught code alone gets alice’s token', async () => {
    const { run, verdict } = await play(
      [
        json(201, { received: { kind: 'code' } }),
        tokenResponse({ access_token: 'at-attacker' }),
        json(200, { id: '1', acct: 'alice' }),
      ],
      'off',
    );
    const authorize = new URL(run.navigations[0]!, ORIGIN);
    expect(authorize.pathname).toBe('/oidc/auth');
    expect(authorize.searchParams.get('client_id')).toBe('lab-app-without-pkce');
    expect(authorize.searchParams.has('code_challenge')).toBe(false);
    expect(run.sent.map((sent) => sent.request.path)).toEqual([
      '/api/attacker/loot',
      '/api/attacker/redeem-code',
      '/api/attacker/call-api',
    ]);
    expect(run.sent[0]!.request.form).toEqual({
      code: 'alices-code',
      client_id: 'lab-app-without-pkce',
    });
    expect(verdict).toEqual({ outcome: 'succeeded', proof: expect.stringContaining('@alice’s account') });
  });

  it('is blocked with PKCE: the request carries a challenge and the redemption without a verifier is refused', async () => {
    const { run, verdict } = await play(
      [
        json(201, { received: { kind: 'code' } }),
        json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' }),
        json(409, {
          error: 'nothing_stolen',
          error_description: 'The attacker holds no access token from this run.',
        }),
      ],
      'on',
    );
    const authorize = new URL(run.navigations[0]!, ORIGIN);
    expect(authorize.searchParams.get('code_challenge')).toBe(SECRETS.code_challenge);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(verdict).toEqual({
      outcome: 'blocked',
      by: 'the authorization server (PKCE: the code is bound to a code_challenge)',
      error: { error: 'invalid_grant', error_description: 'grant request is invalid', status: 400 },
      detail: 'The attacker holds a code it cannot redeem, and no access token.',
    });
  });

  it('holds no code_verifier without the defense: the app made no PKCE pair, so no party holds one', async () => {
    const off = await play(
      [json(201, { received: { kind: 'code' } }), tokenResponse(), json(200, { acct: 'alice' })],
      'off',
    );
    expect(off.context.values.code_verifier).toBeUndefined();
    expect(off.context.values.code_challenge).toBeUndefined();
    expect(off.context.values.state).toBe(SECRETS.state);
    const on = await play(
      [json(201, { received: { kind: 'code' } }), json(400, { error: 'invalid_grant' }), json(409, {})],
      'on',
    );
    expect(on.context.values.code_verifier).toBe(SECRETS.code_verifier);
  });

  it('hands the caught code to the attacker’s server in the malicious app’s own request, by its wire name', async () => {
    const { run } = await play(
      [json(201, { received: { kind: 'code' } }), tokenResponse(), json(200, { acct: 'alice' })],
      'off',
    );
    const theft = run.sent[0]!;
    expect(theft.via).toBe('browser');
    expect(`${theft.request.method} ${theft.request.path}`).toBe('POST /api/attacker/loot');
    expect(new URLSearchParams(theft.request.form).toString()).toBe(
      'code=alices-code&client_id=lab-app-without-pkce',
    );
  });
});
