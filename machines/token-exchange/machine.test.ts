import { describe, expect, it } from 'vitest';
import { json, ORIGIN, runWalkthrough, tokenResponse, type SentRequest } from '../walkthrough/testing';
import type { ExchangeResult } from '../../lib/walkthrough/types';
import { walkthroughBySlug } from '..';
import { FOREIGN_AUDIENCE, tokenExchange } from './steps';

const machine = walkthroughBySlug('token-exchange')!.machine;
const TE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const AT = 'urn:ietf:params:oauth:token-type:access_token';

/** The authorization server and the API as the walkthrough meets them. */
function server(refuse = true) {
  return ({ request }: SentRequest): ExchangeResult => {
    const form = request.form ?? {};
    if (form.grant_type === 'authorization_code')
      return tokenResponse({ access_token: 'alice-for-assistant' });
    if (form.grant_type === 'client_credentials') return tokenResponse({ access_token: 'assistant-own' });
    if (form.grant_type === TE) {
      if (refuse && form.scope === 'read write follow')
        return json(400, { error: 'invalid_scope', scope: 'follow' });
      if (refuse && form.audience) return json(400, { error: 'invalid_target' });
      return tokenResponse({ access_token: 'alice-via-assistant', issued_token_type: AT });
    }
    return json(200, { username: 'alice' });
  };
}

async function toTheEnd(run: ReturnType<typeof runWalkthrough>) {
  await run.next();
  run.actor.send({ type: 'CALLBACK', url: `${ORIGIN}/callback?code=c&state=state-123` });
  await run.next();
  let snapshot = await run.next();
  while (!snapshot.hasTag('complete') && !snapshot.hasTag('error')) {
    run.actor.send({ type: 'NEXT' });
    snapshot = await run.next();
  }
  return snapshot;
}

describe('token exchange walkthrough (RFC 8693)', () => {
  it('gets alice a token for the assistant’s audience through the chat app (code with PKCE, browser)', async () => {
    const run = runWalkthrough(machine, tokenExchange, server());
    await run.next();
    const authorization = new URL(run.navigations[0]!, ORIGIN);
    expect(authorization.searchParams.get('client_id')).toBe('playground-assistant-app');
    expect(authorization.searchParams.get('resource')).toBe(`${ORIGIN}/assistant`);
    const snapshot = await toTheEnd(run);
    expect(run.sent[0]).toMatchObject({
      via: 'browser',
      request: { form: { client_id: 'playground-assistant-app' } },
    });
    expect(snapshot.context.tokens.subject_token).toBe('alice-for-assistant');
  });

  it('has the assistant’s backend get its own token, then exchange alice’s with it as the actor', async () => {
    const run = runWalkthrough(machine, tokenExchange, server());
    const snapshot = await toTheEnd(run);
    expect(run.sent[1]).toMatchObject({
      via: 'client-backend',
      clientId: 'playground-assistant',
      request: { form: { grant_type: 'client_credentials' } },
    });
    expect(run.sent[2]).toMatchObject({
      via: 'client-backend',
      clientId: 'playground-assistant',
      request: {
        path: '/oidc/token',
        form: {
          grant_type: TE,
          subject_token: 'alice-for-assistant',
          subject_token_type: AT,
          actor_token: 'assistant-own',
          actor_token_type: AT,
          resource: `${ORIGIN}/api`,
          scope: 'read:accounts write:statuses',
        },
      },
    });
    expect(snapshot.context.tokens).toMatchObject({
      access_token: 'alice-via-assistant',
      actor_token: 'assistant-own',
    });
  });

  it('calls the API with the exchanged token from the assistant’s backend', async () => {
    const run = runWalkthrough(machine, tokenExchange, server());
    await toTheEnd(run);
    for (const call of run.sent.slice(3, 5))
      expect(call).toMatchObject({
        via: 'client-backend',
        clientId: 'playground-assistant',
        request: { headers: { authorization: 'Bearer alice-via-assistant' } },
      });
  });

  it('asks for a wider scope and another audience, shows both refusals, and completes', async () => {
    const run = runWalkthrough(machine, tokenExchange, server());
    const snapshot = await toTheEnd(run);
    expect(run.sent[5]!.request.form).toMatchObject({ scope: 'read write follow' });
    expect(run.sent[6]!.request.form).toMatchObject({ audience: FOREIGN_AUDIENCE });
    expect(snapshot.hasTag('complete')).toBe(true);
  });

  it('lets the learner narrow the exchanged scope', async () => {
    const run = runWalkthrough(machine, tokenExchange, server());
    run.actor.send({ type: 'SET_PARAM', name: 'exchange_scope', value: 'read:accounts' });
    await toTheEnd(run);
    expect(run.sent[2]!.request.form!.scope).toBe('read:accounts');
  });

  it('fails the refusal step when the server grants the wider scope', async () => {
    const run = runWalkthrough(machine, tokenExchange, server(false));
    const snapshot = await toTheEnd(run);
    expect(snapshot.context.error).toMatchObject({ error: 'unexpected_success' });
  });
});
