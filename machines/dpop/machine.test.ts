import { describe, expect, it } from 'vitest';
import { json, ORIGIN, runWalkthrough, type SentRequest } from '../walkthrough/testing';
import type { ExchangeResult } from '../../lib/walkthrough/types';
import { walkthroughBySlug } from '..';
import { dpop } from './steps';

const machine = walkthroughBySlug('dpop')!.machine;
const API = `${ORIGIN}/api/v1`;

/** The server as the walkthrough meets it: a nonce first, then a bound token, then the API's answers. */
function server(overrides: Partial<Record<string, ExchangeResult>> = {}) {
  let tokenCalls = 0;
  return (action: SentRequest): ExchangeResult => {
    const { request } = action;
    const proof = { dpopProof: `proof-${request.method}-${request.path}` };
    if (request.path === '/oidc/token') {
      tokenCalls += 1;
      return tokenCalls === 1
        ? {
            ...json(400, {
              error: 'use_dpop_nonce',
              error_description: 'nonce is required in the DPoP proof',
            }),
            headers: { 'content-type': 'application/json', 'dpop-nonce': 'nonce-1' },
            ...proof,
          }
        : {
            ...json(200, {
              access_token: 'bound-at',
              token_type: 'DPoP',
              expires_in: 3600,
              scope: 'read write',
            }),
            ...proof,
          };
    }
    const key = `${request.method} ${request.headers?.authorization?.split(' ')[0]} ${request.dpop?.htm ?? ''}`;
    return (
      overrides[key] ??
      (request.headers?.authorization?.startsWith('Bearer')
        ? {
            ...json(401, { error: 'invalid_token' }),
            headers: { 'www-authenticate': 'DPoP error="invalid_token"' },
          }
        : request.dpop?.htm
          ? {
              ...json(401, { error: 'invalid_dpop_proof' }),
              headers: { 'www-authenticate': 'DPoP error="invalid_dpop_proof"' },
              ...proof,
            }
          : { ...json(200, { username: 'alice' }), ...proof })
    );
  };
}

async function throughCallback(run: ReturnType<typeof runWalkthrough>) {
  await run.next();
  run.actor.send({ type: 'CALLBACK', url: `${ORIGIN}/callback?code=c&state=state-123` });
  await run.next();
}

describe('DPoP walkthrough (RFC 9449)', () => {
  it('asks for a code with PKCE and a JWT for the API, as a public client', async () => {
    const run = runWalkthrough(machine, dpop, server());
    await run.next();
    const authorization = new URL(run.navigations[0]!, ORIGIN);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: 'playground-dpop',
      code_challenge: 'challenge-abc',
      code_challenge_method: 'S256',
      resource: `${ORIGIN}/api`,
    });
  });

  it('sends a proof with the token request, reads the server’s nonce, and sends it in the next proof', async () => {
    const run = runWalkthrough(machine, dpop, server());
    await throughCallback(run);
    const refused = await run.next();
    expect(run.sent[0]!.via).toBe('browser');
    expect(run.sent[0]!.request.dpop).toEqual({});
    expect(run.sent[0]!.request.form).toMatchObject({
      grant_type: 'authorization_code',
      code_verifier: 'verifier-789',
    });
    expect(refused.context.values.dpop_nonce).toBe('nonce-1');
    expect(refused.context.tokens.dpop_proof).toBe('proof-POST-/oidc/token');
    run.actor.send({ type: 'NEXT' });
    const bound = await run.next();
    expect(run.sent[1]!.request.dpop).toEqual({ nonce: 'nonce-1' });
    expect(bound.context.tokens).toMatchObject({ access_token: 'bound-at', token_type: 'DPoP' });
  });

  it('calls the API with the DPoP scheme and a proof bound to the token, for each request', async () => {
    const run = runWalkthrough(machine, dpop, server());
    await throughCallback(run);
    for (let step = 0; step < 4; step += 1) {
      await run.next();
      run.actor.send({ type: 'NEXT' });
    }
    const [account, status] = run.sent.slice(2);
    expect(account!.request).toMatchObject({
      method: 'GET',
      path: '/api/v1/accounts/verify_credentials',
      headers: { authorization: 'DPoP bound-at' },
      dpop: { accessToken: 'bound-at' },
    });
    expect(status!.request).toMatchObject({
      method: 'POST',
      path: '/api/v1/statuses',
      dpop: { accessToken: 'bound-at' },
    });
  });

  it('shows the refusal of the token as Bearer and of a proof made for another request, then completes', async () => {
    const run = runWalkthrough(machine, dpop, server());
    await throughCallback(run);
    let snapshot = await run.next();
    for (let step = 0; step < 5; step += 1) {
      run.actor.send({ type: 'NEXT' });
      snapshot = await run.next();
    }
    const [asBearer, otherRequest] = run.sent.slice(4);
    expect(asBearer!.request).toMatchObject({ headers: { authorization: 'Bearer bound-at' } });
    expect(asBearer!.request.dpop).toBeUndefined();
    expect(otherRequest!.request).toMatchObject({
      method: 'GET',
      headers: { authorization: 'DPoP bound-at' },
      dpop: { htm: 'POST', htu: `${API}/statuses`, accessToken: 'bound-at' },
    });
    expect(snapshot.hasTag('complete')).toBe(true);
  });

  it('fails the replay step when the resource server accepts a bound token as Bearer', async () => {
    const run = runWalkthrough(machine, dpop, server({ 'GET Bearer ': json(200, { username: 'alice' }) }));
    await throughCallback(run);
    let snapshot = await run.next();
    for (let step = 0; step < 4; step += 1) {
      run.actor.send({ type: 'NEXT' });
      snapshot = await run.next();
    }
    expect(snapshot.context.error).toMatchObject({ error: 'unexpected_success' });
  });

  it('shows the proof each step sent once it is answered, with the request and token it went with', async () => {
    const run = runWalkthrough(machine, dpop, server());
    await throughCallback(run);
    const exhibitAt = (snapshot: ReturnType<typeof run.actor.getSnapshot>) =>
      dpop.steps[snapshot.context.stepIndex]!.exhibit?.(snapshot.context);
    expect(exhibitAt(run.actor.getSnapshot())).toBeUndefined();
    const refused = await run.next();
    expect(exhibitAt(refused)).toEqual({
      kind: 'dpop-proof',
      proof: 'proof-POST-/oidc/token',
      sent: { method: 'POST', url: `${ORIGIN}/oidc/token` },
    });
    run.actor.send({ type: 'NEXT' });
    expect(exhibitAt(run.actor.getSnapshot())).toBeUndefined();
    const bound = await run.next();
    expect(exhibitAt(bound)).toMatchObject({ boundToken: 'bound-at', sent: { url: `${ORIGIN}/oidc/token` } });
    run.actor.send({ type: 'NEXT' });
    const account = await run.next();
    expect(exhibitAt(account)).toEqual({
      kind: 'dpop-proof',
      proof: 'proof-GET-/api/v1/accounts/verify_credentials',
      sent: { method: 'GET', url: `${API}/accounts/verify_credentials`, accessToken: 'bound-at' },
      boundToken: 'bound-at',
    });
  });
});
