import { describe, expect, it } from 'vitest';
import { attackWalkthroughBySlug } from '..';
import { json, ORIGIN, runWalkthrough } from '../../walkthrough/testing';
import type { ExchangeResult } from '../../../lib/walkthrough/types';
import { redirectUriManipulation } from './steps';

const machine = attackWalkthroughBySlug('redirect-uri-manipulation')!.machine;
const MANIPULATED = `${ORIGIN}/callback/../api/attacker/catch`;
const REFUSAL = {
  error: 'invalid_redirect_uri',
  error_description: "redirect_uri did not match any of the client's registered redirect_uris",
};

async function play(answers: ExchangeResult[], defense: 'on' | 'off') {
  const run = runWalkthrough(machine, redirectUriManipulation, () => answers.shift()!, {
    defense_exact_redirect: defense,
  });
  // The attacker's catch page sends alice's browser on to the client's redirect URI, empty-handed.
  for (let guard = 0; guard < 14; guard++) {
    const snapshot = run.actor.getSnapshot();
    if (snapshot.hasTag('complete') || snapshot.matches('failed')) break;
    if (snapshot.hasTag('front-channel')) run.actor.send({ type: 'CALLBACK', url: `${ORIGIN}/callback` });
    else await run.next();
  }
  return { run, verdict: redirectUriManipulation.verdict(run.actor.getSnapshot().context) };
}

describe('redirect URI manipulation (RFC 9700 §4.1)', () => {
  it('succeeds with a prefix match: alice’s code goes to the attacker, who reads her account', async () => {
    const { run, verdict } = await play(
      [
        json(200, { accepted: true, location: '/interaction/abc' }),
        json(200, { access_token: 'alices-at', token_type: 'Bearer' }),
        json(200, { id: '1', acct: 'alice' }),
      ],
      'off',
    );
    expect(run.sent[0]!.request).toEqual({
      method: 'POST',
      path: '/api/attacker/try-link',
      form: { client_id: 'lab-spa-loose-redirect' },
    });
    const link = new URL(run.navigations[0]!, ORIGIN);
    expect(link.pathname).toBe('/oidc/auth');
    expect(link.searchParams.get('client_id')).toBe('lab-spa-loose-redirect');
    expect(link.searchParams.get('redirect_uri')).toBe(MANIPULATED);
    expect(link.searchParams.has('code_challenge')).toBe(false);
    expect(run.sent.map((sent) => sent.request.path)).toEqual([
      '/api/attacker/try-link',
      '/api/attacker/redeem-code',
      '/api/attacker/call-api',
    ]);
    expect(verdict).toEqual({ outcome: 'succeeded', proof: expect.stringContaining('@alice’s account') });
  });

  it('is blocked with exact matching: the server refuses the attacker’s redirect_uri, and alice is never sent', async () => {
    const { run, verdict } = await play([json(400, { ...REFUSAL, link: '/oidc/auth?…' })], 'on');
    expect(run.sent[0]!.request.form).toEqual({ client_id: 'lab-spa-exact-redirect' });
    expect(run.navigations).toEqual([]);
    expect(run.actor.getSnapshot().matches('failed')).toBe(true);
    expect(verdict).toEqual({
      outcome: 'blocked',
      by: 'the authorization server (exact redirect URI matching)',
      error: { ...REFUSAL, status: 400 },
      detail: expect.stringContaining('no link to send alice'),
    });
  });

  it('calls a failure of its own no verdict (the attacker’s server unreachable)', async () => {
    const { verdict } = await play([json(502, { error: 'server_unreachable' })], 'off');
    expect(verdict).toBeUndefined();
  });

  it('calls it no success when the stolen code bought nothing', async () => {
    const { verdict } = await play(
      [
        json(200, { accepted: true }),
        json(400, { error: 'invalid_grant' }),
        json(409, { error: 'nothing_stolen' }),
      ],
      'off',
    );
    expect(verdict).toBeUndefined();
  });
});
