import { describe, expect, it } from 'vitest';
import { fakeJwt, json, ORIGIN, runWalkthrough } from '../walkthrough/testing';
import { walkthroughBySlug } from '..';
import { implicit } from './steps';

const machine = walkthroughBySlug('implicit')!.machine;

describe('implicit walkthrough (id_token token)', () => {
  it('asks for id_token token with a nonce and takes both tokens from the fragment', async () => {
    const run = runWalkthrough(machine, implicit, () => json(200, { sub: 'alice' }));
    await run.next();
    const authorization = new URL(run.navigations[0]!, ORIGIN);
    expect(authorization.searchParams.get('response_type')).toBe('id_token token');
    expect(authorization.searchParams.get('nonce')).toBe('nonce-456');
    const idToken = fakeJwt({ nonce: 'nonce-456', sub: 'alice' });
    run.actor.send({
      type: 'CALLBACK',
      url: `${ORIGIN}/callback#access_token=at&token_type=Bearer&expires_in=3600&id_token=${idToken}&state=state-123`,
    });
    expect(run.actor.getSnapshot().context.tokens).toMatchObject({ access_token: 'at', id_token: idToken });
    await run.next();
    await run.next();
    expect(run.sent[0]!.request).toEqual({
      method: 'GET',
      path: '/oidc/me',
      headers: { authorization: 'Bearer at' },
    });
    expect((await run.next()).value).toBe('complete');
  });

  it('shows unsupported_response_type when the learner asks for plain token', async () => {
    const run = runWalkthrough(machine, implicit, () => json(200, {}));
    run.actor.send({ type: 'SET_PARAM', name: 'response_type', value: 'token' });
    await run.next();
    expect(new URL(run.navigations[0]!, ORIGIN).searchParams.get('response_type')).toBe('token');
    run.actor.send({
      type: 'CALLBACK',
      url: `${ORIGIN}/callback#error=unsupported_response_type&state=state-123`,
    });
    expect(run.actor.getSnapshot().context.error?.error).toBe('unsupported_response_type');
  });
});
