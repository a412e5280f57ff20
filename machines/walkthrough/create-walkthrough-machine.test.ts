import { describe, expect, it } from 'vitest';
import { createWalkthroughMachine } from './create-walkthrough-machine';
import { fakeJwt, json, ORIGIN, runWalkthrough, SECRETS, tokenResponse } from './testing';
import type { GrantDefinition } from '../../lib/walkthrough/types';

const grant: GrantDefinition = {
  slug: 'test-grant',
  name: 'Test grant',
  clientId: 'test',
  clientType: 'public',
  summary: 'test',
  defaults: { scope: 'openid', state: '', nonce: '' },
  secrets: async () => SECRETS,
  steps: [
    {
      id: 'authorize',
      title: 'Authorize',
      explanation: '',
      rfc: { label: '', href: '' },
      from: 'client',
      to: 'authorization-server',
      channel: 'front',
      action: ({ params }) => ({
        kind: 'navigate',
        path: `/oidc/auth?state=${params.state}&scope=${params.scope}`,
      }),
    },
    {
      id: 'callback',
      title: 'Callback',
      explanation: '',
      rfc: { label: '', href: '' },
      from: 'authorization-server',
      to: 'client',
      channel: 'front',
      action: () => ({ kind: 'callback' }),
    },
    {
      id: 'token',
      title: 'Token',
      explanation: '',
      rfc: { label: '', href: '' },
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: ({ values }) => ({
        kind: 'send',
        via: 'browser',
        request: { method: 'POST', path: '/oidc/token', form: { code: values.code ?? '' } },
      }),
    },
  ],
};
const machine = createWalkthroughMachine(grant);
const callbackUrl = (params: Record<string, string>) => `${ORIGIN}/callback?${new URLSearchParams(params)}`;

describe('walkthrough machine', () => {
  it('starts ready at the first step, with the fresh state and nonce as editable parameters', () => {
    const run = runWalkthrough(machine, grant, () => json(200, {}));
    const snapshot = run.actor.getSnapshot();
    expect(snapshot.value).toBe('ready');
    expect(snapshot.hasTag('awaiting-user')).toBe(true);
    expect(snapshot.context).toMatchObject({
      stepIndex: 0,
      startSeq: 7,
      params: { scope: 'openid', state: 'state-123', nonce: 'nonce-456' },
    });
  });

  it('lets the learner edit a parameter before the request is sent', async () => {
    const run = runWalkthrough(machine, grant, () => json(200, {}));
    run.actor.send({ type: 'SET_PARAM', name: 'scope', value: 'openid email' });
    await run.next();
    expect(run.navigations).toEqual(['/oidc/auth?state=state-123&scope=openid email']);
  });

  it('navigates the browser for a front-channel step and waits for the callback', async () => {
    const run = runWalkthrough(machine, grant, () => json(200, {}));
    const snapshot = await run.next();
    expect(snapshot.value).toBe('redirecting');
    expect(snapshot.hasTag('front-channel')).toBe(true);
  });

  it('accepts a callback whose state matches, keeping the code and moving to the callback step', async () => {
    const run = runWalkthrough(machine, grant, () => json(200, {}));
    await run.next();
    run.actor.send({
      type: 'CALLBACK',
      url: callbackUrl({ code: 'c-1', state: 'state-123', iss: `${ORIGIN}/oidc` }),
    });
    const snapshot = run.actor.getSnapshot();
    expect(snapshot.value).toBe('ready');
    expect(snapshot.context.stepIndex).toBe(1);
    expect(snapshot.context.values.code).toBe('c-1');
    expect(snapshot.context.callback).toMatchObject({
      in: 'query',
      params: { code: 'c-1', state: 'state-123' },
    });
  });

  it('refuses a callback with a tampered state and exchanges nothing', async () => {
    const run = runWalkthrough(machine, grant, () => json(200, {}));
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c-1', state: 'forged' }) });
    const snapshot = run.actor.getSnapshot();
    expect(snapshot.value).toBe('failed');
    expect(snapshot.context.error?.error).toBe('state_mismatch');
    expect(snapshot.context.values.code).toBeUndefined();
    expect(run.sent).toEqual([]);
  });

  it('refuses a callback naming another issuer (RFC 9207)', async () => {
    const run = runWalkthrough(machine, grant, () => json(200, {}));
    await run.next();
    run.actor.send({
      type: 'CALLBACK',
      url: callbackUrl({ code: 'c', state: 'state-123', iss: 'https://evil.example' }),
    });
    expect(run.actor.getSnapshot().context.error?.error).toBe('issuer_mismatch');
  });

  it('shows an error the authorization server sent back, such as access_denied', async () => {
    const run = runWalkthrough(machine, grant, () => json(200, {}));
    await run.next();
    run.actor.send({
      type: 'CALLBACK',
      url: callbackUrl({ error: 'access_denied', error_description: 'denied', state: 'state-123' }),
    });
    expect(run.actor.getSnapshot().context.error).toEqual({
      error: 'access_denied',
      error_description: 'denied',
    });
  });

  it('refuses an ID token in the fragment whose nonce is not the one sent', async () => {
    const run = runWalkthrough(machine, grant, () => json(200, {}));
    await run.next();
    run.actor.send({
      type: 'CALLBACK',
      url: `${ORIGIN}/callback#state=state-123&id_token=${fakeJwt({ nonce: 'other' })}`,
    });
    expect(run.actor.getSnapshot().context.error?.error).toBe('nonce_mismatch');
  });

  it('takes tokens from a fragment callback (implicit)', async () => {
    const run = runWalkthrough(machine, grant, () => json(200, {}));
    await run.next();
    const idToken = fakeJwt({ nonce: 'nonce-456' });
    run.actor.send({
      type: 'CALLBACK',
      url: `${ORIGIN}/callback#state=state-123&access_token=at&token_type=Bearer&expires_in=3600&id_token=${idToken}`,
    });
    expect(run.actor.getSnapshot().context.tokens).toEqual({
      access_token: 'at',
      token_type: 'Bearer',
      expires_in: 3600,
      scope: undefined,
      id_token: idToken,
    });
  });

  it('sends a back-channel request and ends the flow at once with the last response, still shown', async () => {
    const run = runWalkthrough(machine, grant, () => tokenResponse());
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c-1', state: 'state-123' }) });
    await run.next();
    const answered = await run.next();
    expect(run.sent).toEqual([
      {
        kind: 'send',
        via: 'browser',
        request: { method: 'POST', path: '/oidc/token', form: { code: 'c-1' } },
      },
    ]);
    expect(answered.value).toBe('complete');
    expect(answered.context.lastResult?.status).toBe(200);
  });

  it('shows an OAuth error verbatim and lets the learner retry the step', async () => {
    let answer = json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' });
    const run = runWalkthrough(machine, grant, () => answer);
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c-1', state: 'state-123' }) });
    await run.next();
    const failed = await run.next();
    expect(failed.value).toBe('failed');
    expect(failed.context.error).toEqual({
      error: 'invalid_grant',
      error_description: 'grant request is invalid',
      status: 400,
    });
    run.actor.send({ type: 'RETRY' });
    answer = tokenResponse();
    expect((await run.next()).value).toBe('complete');
  });

  it('gets a new code: the authorization request again, as it was sent, without the refused code', async () => {
    const run = runWalkthrough(machine, grant, () =>
      json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' }),
    );
    run.actor.send({ type: 'SET_PARAM', name: 'scope', value: 'openid email' });
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c-1', state: 'state-123' }) });
    await run.next();
    expect((await run.next()).value).toBe('failed');
    run.actor.send({ type: 'REAUTHORIZE' });
    const again = run.actor.getSnapshot();
    expect(again.value).toBe('redirecting');
    expect(again.context.stepIndex).toBe(0);
    expect(again.context.values.code).toBeUndefined();
    expect(again.context.error).toBeUndefined();
    expect(run.navigations).toEqual([
      '/oidc/auth?state=state-123&scope=openid email',
      '/oidc/auth?state=state-123&scope=openid email',
    ]);
  });

  it('has no new code to get before the authorization request was sent', () => {
    const run = runWalkthrough(machine, grant, () => tokenResponse());
    run.actor.send({ type: 'REAUTHORIZE' });
    expect(run.actor.getSnapshot().value).toBe('ready');
    expect(run.navigations).toEqual([]);
  });

  it('offers to try a front-channel step again when the browser comes back without a response', async () => {
    const run = runWalkthrough(machine, grant, () => tokenResponse());
    await run.next();
    run.actor.send({ type: 'RETURNED' });
    const interrupted = run.actor.getSnapshot();
    expect(interrupted.value).toBe('interrupted');
    expect(interrupted.hasTag('busy')).toBe(false);
    run.actor.send({ type: 'RETRY' });
    expect(run.actor.getSnapshot().value).toBe('redirecting');
    expect(run.navigations).toHaveLength(2);
  });

  it('accepts a response without state when the client sent none: there is nothing to compare', async () => {
    const run = runWalkthrough(machine, grant, () => tokenResponse());
    run.actor.send({ type: 'SET_PARAM', name: 'state', value: '' });
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c-1', iss: `${ORIGIN}/oidc` }) });
    expect(run.actor.getSnapshot().value).toBe('ready');
    expect(run.actor.getSnapshot().context.values.code).toBe('c-1');
  });

  it('refuses a state the client never sent, and says so without contradiction', async () => {
    const run = runWalkthrough(machine, grant, () => tokenResponse());
    run.actor.send({ type: 'SET_PARAM', name: 'state', value: '' });
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c-1', state: 'injected' }) });
    expect(run.actor.getSnapshot().context.error?.error_description).toMatch(
      /^This client sent no state, yet the response carries state injected\./,
    );
  });

  it('refuses a response that dropped the state the client sent', async () => {
    const run = runWalkthrough(machine, grant, () => tokenResponse());
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c-1' }) });
    expect(run.actor.getSnapshot().context.error?.error_description).toMatch(
      /^This client sent state state-123, but the response carries none\./,
    );
  });

  it('reports a request that could not be sent as a network error', async () => {
    const run = runWalkthrough(machine, grant, () => Promise.reject(new Error('Failed to fetch')));
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c', state: 'state-123' }) });
    await run.next();
    const failed = await run.next();
    expect(failed.context.error).toEqual({ error: 'network_error', error_description: 'Failed to fetch' });
  });

  it('goes back to the previous step with its state as it was', async () => {
    const run = runWalkthrough(machine, grant, () => json(200, {}));
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c-1', state: 'state-123' }) });
    await run.next();
    expect(run.actor.getSnapshot().context.stepIndex).toBe(2);
    run.actor.send({ type: 'BACK' });
    expect(run.actor.getSnapshot().context).toMatchObject({ stepIndex: 1, values: { code: 'c-1' } });
    run.actor.send({ type: 'BACK' });
    expect(run.actor.getSnapshot().context.stepIndex).toBe(0);
    run.actor.send({ type: 'BACK' });
    expect(run.actor.getSnapshot().context.stepIndex).toBe(0);
  });

  it('restarts with fresh secrets and a new trace position', async () => {
    const run = runWalkthrough(machine, grant, () => json(200, {}));
    await run.next();
    run.actor.send({
      type: 'RESTART',
      startSeq: 42,
      secrets: { state: 'fresh', nonce: 'n2' },
      runId: 'run-test-2',
    });
    expect(run.actor.getSnapshot().value).toBe('ready');
    expect(run.actor.getSnapshot().context).toMatchObject({
      stepIndex: 0,
      startSeq: 42,
      runId: 'run-test-2',
      params: { state: 'fresh', nonce: 'n2' },
      tokens: {},
    });
  });
});
