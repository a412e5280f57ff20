import { describe, expect, it } from 'vitest';
import { attackWalkthroughBySlug } from '..';
import { json, ORIGIN, runWalkthrough, tokenResponse } from '../../walkthrough/testing';
import type { ExchangeResult } from '../../../lib/walkthrough/types';
import { pkceDowngrade } from './steps';

const machine = attackWalkthroughBySlug('pkce-downgrade')!.machine;
const FORGED = `${ORIGIN}/callback?code=bobs-code&iss=${encodeURIComponent(`${ORIGIN}/oidc`)}`;
const CLIENT_PKCE = { code_verifier: 'alices-verifier', code_challenge: 'alices-challenge' };

async function play(answers: ExchangeResult[], defense: 'on' | 'off') {
  const run = runWalkthrough(machine, pkceDowngrade, () => answers.shift()!, {
    ...CLIENT_PKCE,
    defense_downgrade: defense,
  });
  for (let guard = 0; guard < 14; guard++) {
    const snapshot = run.actor.getSnapshot();
    if (snapshot.hasTag('complete') || snapshot.matches('failed')) break;
    if (snapshot.hasTag('front-channel')) run.actor.send({ type: 'CALLBACK', url: FORGED });
    else await run.next();
  }
  return { run, verdict: pkceDowngrade.verdict(run.actor.getSnapshot().context) };
}

const redemption = {
  grant_type: 'authorization_code',
  code: 'bobs-code',
  redirect_uri: `${ORIGIN}/callback`,
  client_id: 'lab-web-pkce-optional',
  code_verifier: 'alices-verifier',
};

describe('PKCE downgrade (RFC 9700 §4.8.2)', () => {
  it('succeeds at a server that ignores a verifier without a challenge: the client is signed in as bob', async () => {
    const { run, verdict } = await play(
      [json(201, { code_for: 'bob' }), tokenResponse({ access_token: 'bobs-at' }), json(200, { sub: 'bob' })],
      'off',
    );
    expect(run.sent[0]!.request).toMatchObject({
      path: '/api/attacker/authorization-code',
      form: { client_id: 'lab-web-pkce-optional' },
    });
    expect(run.navigations).toEqual(['/api/attacker/forged-callback']);
    // The client sends its own code_verifier, as always, to the lab's deliberately vulnerable endpoint.
    expect(run.sent[1]!.request).toEqual({
      method: 'POST',
      path: '/attacks/authorization-server/token-without-downgrade-check',
      form: redemption,
    });
    expect(run.sent[2]!.request.headers).toEqual({ authorization: 'Bearer bobs-at' });
    expect(verdict).toEqual({ outcome: 'succeeded', proof: expect.stringContaining('signed in as bob') });
  });

  it('is blocked by the real token endpoint, which refuses a code_verifier for a code without a challenge', async () => {
    const { run, verdict } = await play(
      [
        json(201, { code_for: 'bob' }),
        json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' }),
      ],
      'on',
    );
    expect(run.sent[1]!.request).toEqual({ method: 'POST', path: '/oidc/token', form: redemption });
    expect(run.sent).toHaveLength(2);
    expect(verdict).toEqual({
      outcome: 'blocked',
      by: 'the authorization server (a code_verifier without a code_challenge is refused)',
      error: { error: 'invalid_grant', error_description: 'grant request is invalid', status: 400 },
      detail: expect.stringContaining('not signed in as the attacker'),
    });
  });

  it('calls it neither when the attacker got no code, nor when userinfo names someone else', async () => {
    const failed = await play([json(502, { error: 'attacker_flow_failed' })], 'off');
    expect(failed.run.actor.getSnapshot().matches('failed')).toBe(true);
    expect(failed.verdict).toBeUndefined();
    const alice = await play(
      [json(201, { code_for: 'bob' }), tokenResponse(), json(200, { sub: 'alice' })],
      'off',
    );
    expect(alice.verdict).toBeUndefined();
  });
});
