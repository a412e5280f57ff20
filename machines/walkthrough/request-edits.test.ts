import { describe, expect, it } from 'vitest';
import type { StepAction } from '../../lib/walkthrough/types';
import { createWalkthroughMachine } from './create-walkthrough-machine';
import { applyEdits, parametersOf, removeParameter, restoreParameter, setParameter } from './request-edits';
import { json, ORIGIN, runWalkthrough, TEST_GRANT, tokenResponse } from './testing';

const navigate: StepAction = { kind: 'navigate', path: '/oidc/auth?client_id=c&scope=openid&state=s' };
const tokenRequest: StepAction = {
  kind: 'send',
  via: 'browser',
  request: { method: 'POST', path: '/oidc/token', form: { grant_type: 'authorization_code', code: 'c-1' } },
};
const userinfo: StepAction = {
  kind: 'send',
  via: 'browser',
  request: { method: 'GET', path: '/oidc/me?claims=x', headers: { authorization: 'Bearer t' } },
};

describe('request editor: any parameter of the next request', () => {
  it('adds, changes and leaves out query parameters of a front-channel request', () => {
    const edits = removeParameter(
      setParameter(setParameter(undefined, 'prompt', 'consent'), 'scope', 'openid email'),
      'state',
    );
    expect(applyEdits(navigate, edits)).toEqual({
      kind: 'navigate',
      path: '/oidc/auth?client_id=c&scope=openid+email&prompt=consent',
    });
  });

  it('edits the form of a back-channel request, and the query of one without a form', () => {
    const edits = setParameter(removeParameter(undefined, 'code'), 'code_verifier', 'v');
    expect(parametersOf(applyEdits(tokenRequest, edits))).toEqual([
      ['grant_type', 'authorization_code'],
      ['code_verifier', 'v'],
    ]);
    expect(applyEdits(userinfo, removeParameter(undefined, 'claims'))).toEqual({
      ...userinfo,
      request: { ...userinfo.request, path: '/oidc/me' },
    });
  });

  it('puts a left-out parameter back as the step writes it, and drops an added one when removed', () => {
    const removed = removeParameter(undefined, 'code');
    expect(parametersOf(applyEdits(tokenRequest, restoreParameter(removed, 'code')))).toEqual(
      parametersOf(tokenRequest),
    );
    const addedThenRemoved = removeParameter(setParameter(undefined, 'extra', '1'), 'extra');
    expect(parametersOf(applyEdits(tokenRequest, addedThenRemoved))).toEqual(parametersOf(tokenRequest));
  });

  it('leaves the request as the step writes it without edits', () => {
    expect(applyEdits(navigate, undefined)).toBe(navigate);
    expect(applyEdits(navigate, { set: {}, removed: [] })).toBe(navigate);
  });
});

describe('request editor in the walkthrough machine', () => {
  const machine = createWalkthroughMachine(TEST_GRANT);
  const callbackUrl = (params: Record<string, string>) => `${ORIGIN}/callback?${new URLSearchParams(params)}`;

  it('sends the request as the learner edited it, and starts the next step’s request afresh', async () => {
    const run = runWalkthrough(machine, TEST_GRANT, () => tokenResponse());
    run.actor.send({ type: 'SET_REQUEST_PARAM', name: 'prompt', value: 'login' });
    run.actor.send({ type: 'REMOVE_REQUEST_PARAM', name: 'scope' });
    await run.next();
    expect(run.navigations).toEqual(['/oidc/auth?state=state-123&prompt=login']);
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c-1', state: 'state-123' }) });
    expect(run.actor.getSnapshot().context.edits).toBeUndefined();
    await run.next();
    run.actor.send({ type: 'SET_REQUEST_PARAM', name: 'code_verifier', value: 'v' });
    await run.next();
    expect(run.sent.at(-1)).toMatchObject({ request: { form: { code: 'c-1', code_verifier: 'v' } } });
  });

  it('keeps a step’s edits when the learner goes back to it', async () => {
    const run = runWalkthrough(machine, TEST_GRANT, () => tokenResponse());
    run.actor.send({ type: 'SET_REQUEST_PARAM', name: 'prompt', value: 'login' });
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: callbackUrl({ code: 'c-1', state: 'state-123' }) });
    run.actor.send({ type: 'BACK' });
    expect(run.actor.getSnapshot().context.edits).toEqual({ set: { prompt: 'login' }, removed: [] });
  });

  it('takes edits only while the step waits for “Next step”', async () => {
    const run = runWalkthrough(machine, TEST_GRANT, () => json(200, {}));
    await run.next();
    run.actor.send({ type: 'SET_REQUEST_PARAM', name: 'prompt', value: 'login' });
    expect(run.actor.getSnapshot().context.edits).toBeUndefined();
  });
});
