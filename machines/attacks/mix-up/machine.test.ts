import { describe, expect, it } from 'vitest';
import { attackWalkthroughBySlug } from '..';
import { json, ORIGIN, runWalkthrough, SECRETS, tokenResponse } from '../../walkthrough/testing';
import type { ExchangeResult } from '../../../lib/walkthrough/types';
import { CLIENT_ID_AT_ATTACKER } from './clients';
import { mixUp } from './steps';

const machine = attackWalkthroughBySlug('mix-up')!.machine;
const ATTACKER_ISSUER = `${ORIGIN}/api/attacker/as`;
const metadata = json(200, {
  issuer: ATTACKER_ISSUER,
  authorization_endpoint: `${ATTACKER_ISSUER}/authorize`,
  token_endpoint: `${ATTACKER_ISSUER}/token`,
});
// What the honest server sends back: its code, the client's state, and its own issuer (RFC 9207 §2).
const callback = `${ORIGIN}/callback?code=alices-code&state=${SECRETS.state}&iss=${encodeURIComponent(`${ORIGIN}/oidc`)}`;

async function play(answers: ExchangeResult[], iss: 'on' | 'off') {
  const run = runWalkthrough(machine, mixUp, () => answers.shift()!, { ...SECRETS, defense_iss: iss });
  // Metadata read, then on to the authorization request, which leaves for the attacker's server.
  while (!run.actor.getSnapshot().hasTag('front-channel')) {
    if (run.actor.getSnapshot().matches('failed')) break;
    await run.next();
  }
  run.actor.send({ type: 'CALLBACK', url: callback });
  for (let guard = 0; guard < 12 && !run.actor.getSnapshot().hasTag('complete'); guard++) {
    if (run.actor.getSnapshot().matches('failed')) break;
    await run.next();
  }
  const { context } = run.actor.getSnapshot();
  return { run, context, verdict: mixUp.verdict(context) };
}

describe('mix-up (RFC 9700 §4.4, RFC 9207)', () => {
  it('succeeds when the client does not check iss: it sends the code and its code_verifier to the attacker', async () => {
    const { run, context, verdict } = await play(
      [
        metadata,
        json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' }),
        tokenResponse({ access_token: 'at-attacker' }),
        json(200, { id: '1', acct: 'alice' }),
      ],
      'off',
    );
    expect(context.values.expected_issuer).toBe('');
    const authorize = new URL(run.navigations[0]!);
    expect(authorize.origin + authorize.pathname).toBe(`${ATTACKER_ISSUER}/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID_AT_ATTACKER);
    expect(authorize.searchParams.get('code_challenge')).toBe(SECRETS.code_challenge);
    expect(run.sent.map((sent) => sent.request.path)).toEqual([
      '/.well-known/oauth-authorization-server/api/attacker/as',
      `${ATTACKER_ISSUER}/token`,
      '/api/attacker/as/redeem',
      '/api/attacker/call-api',
    ]);
    // PKCE does not stop mix-up: the client itself hands the verifier to the attacker's token endpoint.
    expect(run.sent[1]!.request.form).toEqual({
      grant_type: 'authorization_code',
      code: 'alices-code',
      redirect_uri: `${ORIGIN}/callback`,
      client_id: CLIENT_ID_AT_ATTACKER,
      code_verifier: SECRETS.code_verifier,
    });
    expect(verdict).toEqual({ outcome: 'succeeded', proof: expect.stringContaining('@alice’s account') });
    expect(verdict).toEqual({ outcome: 'succeeded', proof: expect.stringContaining('PKCE did not stop it') });
  });

  it('is blocked when the client checks iss against the server alice chose: issuer_mismatch, nothing sent', async () => {
    const { run, context, verdict } = await play([metadata], 'on');
    expect(context.values.expected_issuer).toBe(ATTACKER_ISSUER);
    expect(run.sent).toHaveLength(1);
    expect(verdict).toEqual({
      outcome: 'blocked',
      by: 'the client (iss checked against the server alice chose, RFC 9207)',
      error: {
        error: 'issuer_mismatch',
        error_description: `The response names issuer ${ORIGIN}/oidc, not ${ATTACKER_ISSUER} (RFC 9207 mix-up defence).`,
      },
      detail:
        'The client sent the code and its code_verifier to no token endpoint: the attacker holds nothing.',
    });
  });

  it('stops with the error when the chosen server’s metadata cannot be read', async () => {
    const run = runWalkthrough(machine, mixUp, () => json(404, { error: 'not_found' }), SECRETS);
    const snapshot = await run.next();
    expect(snapshot.matches('failed')).toBe(true);
    expect(snapshot.context.error).toEqual({ error: 'not_found', status: 404 });
  });
});
