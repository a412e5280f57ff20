import { describe, expect, it } from 'vitest';
import { attackWalkthroughBySlug } from '..';
import { json, ORIGIN, runWalkthrough, tokenResponse } from '../../walkthrough/testing';
import type { ExchangeResult } from '../../../lib/walkthrough/types';
import { csrfMissingState } from './steps';

const machine = attackWalkthroughBySlug('csrf-missing-state')!.machine;
const FORGED = `${ORIGIN}/callback?code=bobs-code&iss=${encodeURIComponent(`${ORIGIN}/oidc`)}`;

/** Starts a run with the defense as the page would: its switch and the state it binds to the session. */
function start(answers: ExchangeResult[], defense: 'on' | 'off') {
  const [stateDefense] = csrfMissingState.defenses;
  const params = { defense_state: defense, ...stateDefense!.alsoSets!(defense === 'on') };
  return runWalkthrough(machine, csrfMissingState, () => answers.shift()!, params);
}

describe('login CSRF without state (RFC 9700 §4.7)', () => {
  it('succeeds without state: the client redeems the attacker’s code and is signed in as bob', async () => {
    const run = start(
      [json(201, { code_for: 'bob' }), tokenResponse({ access_token: 'bobs-at' }), json(200, { sub: 'bob' })],
      'off',
    );
    await run.next();
    expect(run.sent[0]!.request).toMatchObject({
      method: 'POST',
      path: '/api/attacker/authorization-code',
      form: { client_id: 'lab-web-without-pkce' },
    });
    await run.next();
    await run.next();
    expect(run.navigations).toEqual(['/api/attacker/forged-callback']);
    run.actor.send({ type: 'CALLBACK', url: FORGED });
    expect(run.actor.getSnapshot().value).toBe('ready');
    await run.next();
    await run.next();
    await run.next();
    expect(run.sent[1]!.request.form).toEqual({
      grant_type: 'authorization_code',
      code: 'bobs-code',
      redirect_uri: `${ORIGIN}/callback`,
      client_id: 'lab-web-without-pkce',
    });
    await run.next();
    await run.next();
    expect(run.actor.getSnapshot().hasTag('complete')).toBe(true);
    expect(csrfMissingState.verdict(run.actor.getSnapshot().context)).toEqual({
      outcome: 'succeeded',
      proof: expect.stringContaining('signed in as bob'),
    });
  });

  it('is blocked with state: the client refuses the response before redeeming anything', async () => {
    const run = start([json(201, { code_for: 'bob' })], 'on');
    expect(run.actor.getSnapshot().context.params.state).toMatch(/^[\w-]{16,}$/);
    await run.next();
    await run.next();
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: FORGED });
    const snapshot = run.actor.getSnapshot();
    expect(snapshot.matches('failed')).toBe(true);
    expect(run.sent).toHaveLength(1);
    expect(csrfMissingState.verdict(snapshot.context)).toEqual({
      outcome: 'blocked',
      by: 'the client (state bound to the browser session)',
      error: {
        error: 'state_mismatch',
        error_description: expect.stringContaining('but the response carries none'),
      },
      detail: expect.stringContaining('never redeemed'),
    });
  });

  it('calls it no success when userinfo names someone else', () => {
    const context = run0({ whoami_status: '200', signed_in_as: 'alice' });
    expect(csrfMissingState.verdict(context)).toBeUndefined();
  });
});

function run0(values: Record<string, string>) {
  const run = runWalkthrough(machine, csrfMissingState, () => json(200, {}), {});
  return { ...run.actor.getSnapshot().context, values };
}
