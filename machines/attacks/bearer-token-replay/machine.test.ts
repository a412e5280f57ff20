import { describe, expect, it } from 'vitest';
import { attackWalkthroughBySlug } from '..';
import {
  json,
  ORIGIN,
  runWalkthrough,
  SECRETS,
  tokenResponse,
  type SentRequest,
} from '../../walkthrough/testing';
import type { ExchangeResult } from '../../../lib/walkthrough/types';
import { bearerTokenReplay } from './steps';

const machine = attackWalkthroughBySlug('bearer-token-replay')!.machine;
const callback = `${ORIGIN}/callback?code=alices-code&state=${SECRETS.state}&iss=${encodeURIComponent(`${ORIGIN}/oidc`)}`;
const ACCOUNT = '/api/v1/accounts/verify_credentials';
const BOUND_AS_BEARER =
  'DPoP algs="ES256 Ed25519 EdDSA", error="invalid_token", error_description="the access token is DPoP-bound: present it with Authorization: DPoP and a proof, not as a Bearer token"';
const WRONG_KEY =
  'DPoP algs="ES256 Ed25519 EdDSA", error="invalid_token", error_description="the proof is signed by a key the access token is not bound to"';

const refused = (challenge: string, description: string): ExchangeResult => ({
  status: 401,
  headers: { 'content-type': 'application/json', 'www-authenticate': challenge },
  body: { error: 'invalid_token', error_description: description },
});

/** Plays the scenario to its end, alice's sign-in answered by `callback`, the network by `answers` in order. */
async function play(answers: ExchangeResult[], dpop: 'on' | 'off') {
  const run = runWalkthrough(machine, bearerTokenReplay, () => answers.shift()!, {
    ...SECRETS,
    defense_dpop: dpop,
  });
  await run.next();
  run.actor.send({ type: 'CALLBACK', url: callback });
  for (let guard = 0; guard < 12 && !run.actor.getSnapshot().hasTag('complete'); guard++) {
    const snapshot = await run.next();
    if (snapshot.matches('failed')) throw new Error(JSON.stringify(snapshot.context.error));
  }
  const { context } = run.actor.getSnapshot();
  return { run, context, verdict: bearerTokenReplay.verdict(context) };
}

const pathOf = (sent: SentRequest) => `${sent.request.method} ${sent.request.path}`;

describe('bearer token replay (RFC 9700 §4.10.1, RFC 9449)', () => {
  it('succeeds with bearer tokens: the leaked token alone reads alice’s account from the attacker’s server', async () => {
    const { run, verdict } = await play(
      [
        tokenResponse({ access_token: 'bearer-at', scope: 'read' }),
        json(201, { received: { kind: 'access_token' } }),
        json(200, { id: '1', acct: 'alice' }),
        json(200, { id: '1', acct: 'alice' }),
      ],
      'off',
    );
    const authorize = new URL(run.navigations[0]!, ORIGIN);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'lab-spa-bearer-tokens',
      code_challenge: SECRETS.code_challenge,
      code_challenge_method: 'S256',
      resource: `${ORIGIN}/api`,
    });
    // No proof, so no nonce step and no need for a proof of the attacker's own: both are skipped.
    expect(run.sent.map(pathOf)).toEqual([
      'POST /oidc/token',
      'POST /api/attacker/loot',
      'POST /api/attacker/bearer-token-replay',
      `GET ${ACCOUNT}`,
    ]);
    expect(run.sent[0]!.request.dpop).toBeUndefined();
    expect(run.sent[1]!.request.form).toEqual({
      token: 'bearer-at',
      token_type_hint: 'access_token',
      client_id: 'lab-spa-bearer-tokens',
    });
    expect(run.sent[2]!.request.form).toEqual({ as: 'bearer' });
    expect(run.sent[3]!.request.headers).toEqual({ authorization: 'Bearer bearer-at' });
    expect(verdict).toEqual({
      outcome: 'succeeded',
      proof: `From its own server the attacker replayed the leaked token as a Bearer token at GET ${ACCOUNT} and was answered with @alice’s account.`,
    });
  });

  it('is blocked with DPoP: the nonce dance, then both replays refused by the resource server, and the app still works', async () => {
    const { run, context, verdict } = await play(
      [
        {
          ...json(400, { error: 'use_dpop_nonce', error_description: 'nonce is required in the DPoP proof' }),
          headers: { 'content-type': 'application/json', 'dpop-nonce': 'nonce-1' },
          dpopProof: 'proof-1',
        },
        {
          ...tokenResponse({ access_token: 'bound-at', token_type: 'DPoP', scope: 'read' }),
          dpopProof: 'proof-2',
        },
        json(201, { received: { kind: 'access_token' } }),
        refused(
          BOUND_AS_BEARER,
          'the access token is DPoP-bound: present it with Authorization: DPoP and a proof, not as a Bearer token',
        ),
        refused(WRONG_KEY, 'the proof is signed by a key the access token is not bound to'),
        { ...json(200, { id: '1', acct: 'alice' }), dpopProof: 'proof-3' },
      ],
      'on',
    );
    expect(new URL(run.navigations[0]!, ORIGIN).searchParams.get('client_id')).toBe('lab-spa-dpop');
    expect(run.sent.map(pathOf)).toEqual([
      'POST /oidc/token',
      'POST /oidc/token',
      'POST /api/attacker/loot',
      'POST /api/attacker/bearer-token-replay',
      'POST /api/attacker/bearer-token-replay',
      `GET ${ACCOUNT}`,
    ]);
    // RFC 9449 §8: the first proof has no nonce, the second the one the server sent.
    expect(run.sent[0]!.request.dpop).toEqual({});
    expect(run.sent[1]!.request.dpop).toEqual({ nonce: 'nonce-1' });
    expect(run.sent[1]!.request.form).toMatchObject({
      client_id: 'lab-spa-dpop',
      code_verifier: SECRETS.code_verifier,
    });
    expect(run.sent[4]!.request.form).toEqual({ as: 'dpop-own-key' });
    // The app's own call: the DPoP scheme and a fresh proof bound to the token (ath).
    expect(run.sent[5]!.request).toMatchObject({
      headers: { authorization: 'DPoP bound-at' },
      dpop: { accessToken: 'bound-at' },
    });
    expect(context.tokens).toMatchObject({ token_type: 'DPoP', dpop_proof: 'proof-3' });
    expect(verdict).toEqual({
      outcome: 'blocked',
      by: 'the resource server (DPoP: the token is bound to the app’s key, cnf.jkt)',
      error: {
        error: 'invalid_token',
        error_description: 'the proof is signed by a key the access token is not bound to',
        status: 401,
      },
      detail: `Replayed as a Bearer token: HTTP 401 with WWW-Authenticate: ${BOUND_AS_BEARER}. With a proof by the attacker’s own key: HTTP 401 with WWW-Authenticate: ${WRONG_KEY}. alice’s app, with its own key, still reads her account (HTTP 200, @alice).`,
    });
  });

  it('says so when the defense broke the legitimate use too', async () => {
    const { verdict } = await play(
      [
        { ...json(400, { error: 'use_dpop_nonce' }), headers: { 'dpop-nonce': 'nonce-1' } },
        tokenResponse({ access_token: 'bound-at', token_type: 'DPoP' }),
        json(201, {}),
        refused(BOUND_AS_BEARER, 'bound'),
        refused(WRONG_KEY, 'wrong key'),
        json(401, {
          error: 'invalid_dpop_proof',
          error_description: 'the proof’s ath is not the hash of this access token',
        }),
      ],
      'on',
    );
    expect(verdict).toMatchObject({
      outcome: 'blocked',
      detail: expect.stringContaining('alice’s app was refused too (HTTP 401, invalid_dpop_proof)'),
    });
  });

  it('gives no verdict before the app made its own call', async () => {
    const run = runWalkthrough(machine, bearerTokenReplay, () => tokenResponse(), SECRETS);
    await run.next();
    expect(bearerTokenReplay.verdict(run.actor.getSnapshot().context)).toBeUndefined();
  });

  it('stops on a server error from the attacker’s server instead of reading it as a defense', async () => {
    await expect(
      play(
        [
          tokenResponse({ access_token: 'bearer-at' }),
          json(201, {}),
          json(502, { error: 'server_unreachable', error_description: 'The attacker could not reach it' }),
        ],
        'off',
      ),
    ).rejects.toThrow('server_unreachable');
  });
});
