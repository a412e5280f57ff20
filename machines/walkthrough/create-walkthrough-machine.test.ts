import { describe, expect, it } from 'vitest';
import { createWalkthroughMachine } from './create-walkthrough-machine';
import { json, ORIGIN, runWalkthrough, TEST_GRANT, tokenResponse } from './testing';

const grant = TEST_GRANT;
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

  it("reads each response once, with the step's own reading", async () => {
    const readings: number[] = [];
    const counted = {
      ...grant,
      steps: grant.steps.map((step) =>
        step.id === 'token'
          ? {
              ...step,
              outcome: (_context: unknown, result: { status: number }) => {
                readings.push(result.status);
                return { kind: 'succeeded' as const, values: { read: 'once' } };
              },
            }
          : step,
      ),
    };
    const run = runWalkthrough(createWalkthroughMachine(counted), counted, () => tokenResponse());
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c-1', state: 'state-123' }) });
    await run.next();
    const answered = await run.next();
    expect(answered.value).toBe('complete');
    expect(answered.context.values.read).toBe('once');
    expect(readings).toEqual([200]);
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
