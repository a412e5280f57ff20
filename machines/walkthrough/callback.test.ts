import { describe, expect, it } from 'vitest';
import { createWalkthroughMachine } from './create-walkthrough-machine';
import { fakeJwt, json, ORIGIN, runWalkthrough, TEST_GRANT, tokenResponse } from './testing';

// What the client checks when the browser comes back to its redirect URI (callback.ts), through the
// walkthrough machine: state (RFC 6749 §10.12), iss (RFC 9207), nonce, errors, and fragment tokens.
const grant = TEST_GRANT;
const machine = createWalkthroughMachine(grant);
const callbackUrl = (params: Record<string, string>) => `${ORIGIN}/callback?${new URLSearchParams(params)}`;

describe('the callback at the redirect URI', () => {
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
});
