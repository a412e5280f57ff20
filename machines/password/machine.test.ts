import { describe, expect, it } from 'vitest';
import { json, runWalkthrough, tokenResponse } from '../walkthrough/testing';
import { walkthroughBySlug } from '..';
import { password } from './steps';

const machine = walkthroughBySlug('password')!.machine;

describe('password walkthrough', () => {
  it('sends the user’s credentials from the client backend', async () => {
    const run = runWalkthrough(machine, password, () => tokenResponse({ refresh_token: 'rt' }));
    await run.next();
    expect(run.sent[0]).toEqual({
      kind: 'send',
      via: 'client-backend',
      request: {
        method: 'POST',
        path: '/oidc/token',
        form: {
          grant_type: 'password',
          username: 'alice',
          password: 'wonderland',
          scope: 'openid profile offline_access read write',
        },
      },
    });
    expect(run.actor.getSnapshot().context.tokens.refresh_token).toBe('rt');
  });

  it('shows invalid_grant for a wrong password and lets the learner fix it', async () => {
    const run = runWalkthrough(machine, password, (action) =>
      action.request.form?.password === 'wonderland'
        ? tokenResponse()
        : json(400, { error: 'invalid_grant', error_description: 'invalid username or password' }),
    );
    run.actor.send({ type: 'SET_PARAM', name: 'password', value: 'wrong' });
    expect((await run.next()).context.error).toEqual({
      error: 'invalid_grant',
      error_description: 'invalid username or password',
      status: 400,
    });
    run.actor.send({ type: 'RETRY' });
    run.actor.send({ type: 'SET_PARAM', name: 'password', value: 'wonderland' });
    expect((await run.next()).value).toBe('succeeded');
  });
});
