import { describe, expect, it } from 'vitest';
import { attackWalkthroughBySlug } from '..';
import { json, ORIGIN, runWalkthrough, SECRETS } from '../../walkthrough/testing';
import type { ExchangeResult } from '../../../lib/walkthrough/types';
import { implicitTokenLeak } from './steps';

const machine = attackWalkthroughBySlug('implicit-token-leak')!.machine;
const secrets = {
  client_state: 'app-state-1',
  nonce: SECRETS.nonce,
  app_code_verifier: SECRETS.code_verifier,
  app_code_challenge: SECRETS.code_challenge,
};

async function play(answers: ExchangeResult[], codeFlow: 'on' | 'off', caught: string) {
  const run = runWalkthrough(machine, implicitTokenLeak, () => answers.shift()!, {
    ...secrets,
    defense_code_flow: codeFlow,
  });
  await run.next();
  // The attacker's page hands the tab back to the lab, saying what it caught.
  run.actor.send({ type: 'CALLBACK', url: `${ORIGIN}/callback?attacker_caught=${caught}` });
  for (let guard = 0; guard < 8 && !run.actor.getSnapshot().hasTag('complete'); guard++) {
    const snapshot = await run.next();
    if (snapshot.matches('failed')) throw new Error(JSON.stringify(snapshot.context.error));
  }
  const { context } = run.actor.getSnapshot();
  return { run, verdict: implicitTokenLeak.verdict(context) };
}

describe('implicit flow token leak through an open redirect (RFC 9700 §4.2, §4.11.1)', () => {
  it('succeeds with the implicit flow: the token in the fragment reaches the attacker’s page', async () => {
    const { run, verdict } = await play([json(200, { id: '1', acct: 'alice' })], 'off', 'access_token');
    const signIn = new URL(run.navigations[0]!, ORIGIN);
    expect(signIn.pathname).toBe('/attacks/implicit-app/sign-in');
    expect(signIn.searchParams.get('return_to')).toBe('/attacks/attacker/token-catcher');
    expect(signIn.searchParams.get('response_type')).toBe('id_token token');
    expect(signIn.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/attacks/implicit-app/callback`);
    expect(signIn.searchParams.get('state')).toBe('app-state-1');
    expect(signIn.searchParams.has('code_challenge')).toBe(false);
    expect(run.sent.map((sent) => sent.request.path)).toEqual(['/api/attacker/call-api']);
    expect(verdict).toEqual({ outcome: 'succeeded', proof: expect.stringContaining('@alice’s account') });
  });

  it('is blocked with the code flow and PKCE: no token in the URL, the attacker’s page gets nothing', async () => {
    const { run, verdict } = await play(
      [
        json(409, {
          error: 'nothing_stolen',
          error_description: 'The attacker holds no access token from this run, so it has nothing to replay.',
        }),
      ],
      'on',
      'nothing',
    );
    const signIn = new URL(run.navigations[0]!, ORIGIN);
    expect(signIn.searchParams.get('response_type')).toBe('code');
    expect(signIn.searchParams.get('code_challenge')).toBe(SECRETS.code_challenge);
    expect(signIn.searchParams.get('code_challenge_method')).toBe('S256');
    expect(verdict).toEqual({
      outcome: 'blocked',
      by: 'the client (code flow with PKCE: no token in the URL to leak)',
      error: {
        error: 'nothing_stolen',
        error_description: 'The attacker holds no access token from this run, so it has nothing to replay.',
        status: 409,
      },
      detail:
        'The attacker’s page received nothing: no token in the fragment, and the code stayed behind in the query.',
    });
  });
});
