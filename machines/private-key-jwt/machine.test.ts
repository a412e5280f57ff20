import { describe, expect, it } from 'vitest';
import type { ExchangeResult } from '../../lib/walkthrough/types';
import { json, ORIGIN, runWalkthrough, tokenResponse, type SentRequest } from '../walkthrough/testing';
import { walkthroughBySlug } from '..';
import { privateKeyJwt } from './steps';

const machine = walkthroughBySlug('private-key-jwt')!.machine;
const JWKS = { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'client-1' }] };
const INVALID_CLIENT = json(401, {
  error: 'invalid_client',
  error_description: 'client authentication failed',
});
const signed = (result: ExchangeResult, jwt: string): ExchangeResult => ({
  ...result,
  clientAssertion: { jwt, registeredJwks: JWKS },
});

/** The authorization server as the walkthrough expects it: the first assertion accepted, the rest refused. */
const server = (action: SentRequest) => {
  if (action.request.path !== '/oidc/token') return json(200, { name: 'Playground Service' });
  if (action.request.clientAssertion?.aud === `${ORIGIN}/oidc`)
    return signed(tokenResponse(), 'first.assertion.jwt');
  if (action.request.clientAssertion) return signed(INVALID_CLIENT, 'second.assertion.jwt');
  return INVALID_CLIENT;
};

describe('private_key_jwt walkthrough (RFC 7523 §2.2)', () => {
  it('asks the client backend to sign an assertion for the issuer (rfc7523bis), and sends no secret', async () => {
    const run = runWalkthrough(machine, privateKeyJwt, server);
    const snapshot = await run.next();
    expect(run.sent[0]).toEqual({
      kind: 'send',
      via: 'client-backend',
      request: {
        method: 'POST',
        path: '/oidc/token',
        form: { grant_type: 'client_credentials', scope: 'read' },
        clientAssertion: { aud: `${ORIGIN}/oidc` },
      },
    });
    expect(snapshot.context.tokens.access_token).toBe('at-1');
    expect(privateKeyJwt.steps[0]!.exhibit!(snapshot.context)).toEqual({
      kind: 'client-assertion',
      jwt: 'first.assertion.jwt',
      registeredJwks: JSON.stringify(JWKS),
    });
  });

  it('replays exactly the assertion that was accepted, and takes 401 invalid_client as the lesson', async () => {
    const run = runWalkthrough(machine, privateKeyJwt, server);
    for (let i = 0; i < 5; i++) await run.next();
    const replay = run.sent[2]!;
    expect(replay.request.clientAssertion).toBeUndefined();
    expect(replay.request.form).toEqual({
      grant_type: 'client_credentials',
      scope: 'read',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: 'first.assertion.jwt',
    });
    expect(run.actor.getSnapshot().matches('succeeded')).toBe(true);
  });

  it('signs a fresh assertion for the token endpoint (the 2025 audience injection), and completes on its refusal', async () => {
    const run = runWalkthrough(machine, privateKeyJwt, server);
    for (let i = 0; i < 6; i++) await run.next();
    const snapshot = await run.next();
    expect(run.sent[3]!.request.clientAssertion).toEqual({ aud: `${ORIGIN}/oidc/token` });
    expect(snapshot.hasTag('complete')).toBe(true);
    expect(snapshot.context.values.wrong_audience_assertion).toBe('second.assertion.jwt');
  });

  it('signs for the audience the learner typed instead, when there is one', async () => {
    const run = runWalkthrough(machine, privateKeyJwt, server);
    for (let i = 0; i < 6; i++) await run.next();
    run.actor.send({ type: 'SET_PARAM', name: 'aud', value: `${ORIGIN}/oidc/token/introspection` });
    await run.next();
    expect(run.sent[3]!.request.clientAssertion).toEqual({ aud: `${ORIGIN}/oidc/token/introspection` });
  });

  it('stops when the server accepts a replayed assertion', async () => {
    const run = runWalkthrough(machine, privateKeyJwt, (action) =>
      action.request.path === '/oidc/token' ? signed(tokenResponse(), 'a.b.c') : json(200, {}),
    );
    for (let i = 0; i < 5; i++) await run.next();
    expect(run.actor.getSnapshot().context.error).toEqual({
      error: 'unexpected_success',
      error_description: 'The server accepted a client assertion it had already accepted once.',
    });
  });

  it('shows a refusal of the first assertion as it came', async () => {
    const run = runWalkthrough(machine, privateKeyJwt, () => INVALID_CLIENT);
    const snapshot = await run.next();
    expect(snapshot.context.error).toMatchObject({ error: 'invalid_client', status: 401 });
  });
});
