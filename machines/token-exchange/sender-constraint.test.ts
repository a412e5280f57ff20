import { describe, expect, it } from 'vitest';
import { json, ORIGIN, runWalkthrough, tokenResponse, type SentRequest } from '../walkthrough/testing';
import type { ExchangeResult } from '../../lib/walkthrough/types';
import { walkthroughBySlug } from '..';
import { tokenExchange } from './steps';

const machine = walkthroughBySlug('token-exchange')!.machine;
const TE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const AT = 'urn:ietf:params:oauth:token-type:access_token';

/**
 * The authorization server and the API as the bound case meets them: a proof binds alice's token; a bound
 * subject token is exchanged only with a proof; the bound exchanged token is taken only as DPoP with one.
 */
function boundServer({ askNonce = false } = {}) {
  return ({ request }: SentRequest): ExchangeResult => {
    const form = request.form ?? {};
    const proof = request.dpop ? { dpopProof: `proof-${request.method}-${request.path}` } : {};
    if (form.grant_type === 'authorization_code') {
      if (askNonce && !request.dpop?.nonce) {
        return {
          ...json(400, { error: 'use_dpop_nonce' }),
          headers: { 'content-type': 'application/json', 'dpop-nonce': 'nonce-1' },
          ...proof,
        };
      }
      return request.dpop
        ? { ...tokenResponse({ access_token: 'alice-bound', token_type: 'DPoP' }), ...proof }
        : tokenResponse({ access_token: 'alice-for-assistant' });
    }
    if (form.grant_type === 'client_credentials') return tokenResponse({ access_token: 'assistant-own' });
    if (form.grant_type === TE) {
      if (form.subject_token === 'alice-bound' && !request.dpop)
        return json(400, { error: 'invalid_grant', error_description: 'subject_token is DPoP-bound' });
      if (form.scope === 'read write follow') return json(400, { error: 'invalid_scope' });
      if (form.audience) return json(400, { error: 'invalid_target' });
      return {
        ...tokenResponse({
          access_token: 'alice-via-assistant-bound',
          token_type: 'DPoP',
          issued_token_type: AT,
        }),
        ...proof,
      };
    }
    const bound =
      request.headers?.authorization === 'DPoP alice-via-assistant-bound' &&
      request.dpop?.accessToken === 'alice-via-assistant-bound';
    return bound ? { ...json(200, { username: 'alice' }), ...proof } : json(401, { error: 'invalid_token' });
  };
}

async function toTheEnd(run: ReturnType<typeof runWalkthrough>) {
  await run.next();
  run.actor.send({ type: 'CALLBACK', url: `${ORIGIN}/callback?code=c&state=state-123` });
  await run.next();
  let snapshot = await run.next();
  while (!snapshot.hasTag('complete') && !snapshot.hasTag('error')) {
    if (snapshot.hasTag('polling')) {
      run.clock.increment(0);
      snapshot = await run.settle();
      continue;
    }
    run.actor.send({ type: 'NEXT' });
    snapshot = await run.next();
  }
  return snapshot;
}

describe('token exchange walkthrough, Sender constraint DPoP (RFC 9449 with RFC 8693)', () => {
  it('offers Bearer (the default) or DPoP at the chat app’s token request', () => {
    const step = tokenExchange.steps.find((candidate) => candidate.id === 'token-request')!;
    expect(step.params).toContainEqual(
      expect.objectContaining({ name: 'sender_constraint', options: ['Bearer', 'DPoP'] }),
    );
    expect(tokenExchange.defaults.sender_constraint).toBe('Bearer');
  });

  it('binds alice’s token to the run’s key: a proof with the chat app’s token request', async () => {
    const run = runWalkthrough(machine, tokenExchange, boundServer());
    run.actor.send({ type: 'SET_PARAM', name: 'sender_constraint', value: 'DPoP' });
    const snapshot = await toTheEnd(run);
    expect(run.sent[0]).toMatchObject({ via: 'browser', request: { path: '/oidc/token', dpop: {} } });
    expect(run.sent[0]!.request.dpop).toEqual({});
    expect(snapshot.context.tokens.subject_token).toBe('alice-bound');
  });

  it('exchanges the bound token with a proof by the same key, and gets a DPoP-bound token back', async () => {
    const run = runWalkthrough(machine, tokenExchange, boundServer());
    run.actor.send({ type: 'SET_PARAM', name: 'sender_constraint', value: 'DPoP' });
    const snapshot = await toTheEnd(run);
    expect(run.sent[1]!.request.dpop).toBeUndefined();
    expect(run.sent[2]).toMatchObject({
      via: 'client-backend',
      clientId: 'playground-assistant',
      request: { form: { grant_type: TE, subject_token: 'alice-bound' }, dpop: {} },
    });
    expect(snapshot.context.tokens).toMatchObject({
      access_token: 'alice-via-assistant-bound',
      token_type: 'DPoP',
      dpop_proof: 'proof-POST-/api/v1/statuses',
    });
  });

  it('calls the API with the DPoP scheme and a proof whose ath is the exchanged token', async () => {
    const run = runWalkthrough(machine, tokenExchange, boundServer());
    run.actor.send({ type: 'SET_PARAM', name: 'sender_constraint', value: 'DPoP' });
    const snapshot = await toTheEnd(run);
    for (const call of run.sent.slice(3, 5))
      expect(call).toMatchObject({
        via: 'client-backend',
        request: {
          headers: { authorization: 'DPoP alice-via-assistant-bound' },
          dpop: { accessToken: 'alice-via-assistant-bound' },
        },
      });
    // The refusals still teach scope and audience: their exchanges carry a proof as well.
    for (const refusal of run.sent.slice(5, 7)) expect(refusal.request.dpop).toEqual({});
    expect(snapshot.hasTag('complete')).toBe(true);
  });

  it('signs the chat app’s token request again, with the server’s nonce, when it asks for one', async () => {
    const run = runWalkthrough(machine, tokenExchange, boundServer({ askNonce: true }));
    run.actor.send({ type: 'SET_PARAM', name: 'sender_constraint', value: 'DPoP' });
    const snapshot = await toTheEnd(run);
    expect(run.sent[0]!.request.dpop).toEqual({});
    expect(run.sent[1]!.request).toMatchObject({ path: '/oidc/token', dpop: { nonce: 'nonce-1' } });
    expect(snapshot.context.tokens.subject_token).toBe('alice-bound');
    expect(snapshot.hasTag('complete')).toBe(true);
  });

  it('sends no proof anywhere with Bearer, the default', async () => {
    const run = runWalkthrough(machine, tokenExchange, boundServer());
    const snapshot = await toTheEnd(run);
    expect(run.sent.map((sent) => sent.request.dpop)).toEqual(run.sent.map(() => undefined));
    expect(snapshot.context.tokens.subject_token).toBe('alice-for-assistant');
  });
});
