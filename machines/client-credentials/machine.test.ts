import { describe, expect, it } from 'vitest';
import { json, ORIGIN, runWalkthrough, tokenResponse } from '../walkthrough/testing';
import { walkthroughBySlug } from '..';
import { clientCredentials } from './steps';

const machine = walkthroughBySlug('client-credentials')!.machine;

describe('client credentials walkthrough', () => {
  it('asks for a token from the client backend, then calls the API as the app and is refused as a user', async () => {
    const run = runWalkthrough(machine, clientCredentials, (action) =>
      action.request.path === '/oidc/token'
        ? tokenResponse({ scope: 'read write:statuses' })
        : action.request.path.includes('accounts')
          ? json(422, { error: 'This method requires an authenticated user' })
          : json(200, { name: 'app' }),
    );
    run.actor.send({ type: 'SET_PARAM', name: 'resource', value: `${ORIGIN}/api` });
    await run.next();
    expect(run.sent[0]).toEqual({
      kind: 'send',
      via: 'client-backend',
      request: {
        method: 'POST',
        path: '/oidc/token',
        form: { grant_type: 'client_credentials', scope: 'read write:statuses', resource: `${ORIGIN}/api` },
      },
    });
    await run.next();
    expect((await run.next()).context.lastResult?.status).toBe(200);
    await run.next();
    const refused = await run.next();
    expect(refused.value).toBe('complete');
    expect(refused.context.lastResult?.status).toBe(422);
  });

  it('leaves resource out when empty, for an opaque token', async () => {
    const run = runWalkthrough(machine, clientCredentials, () => tokenResponse());
    await run.next();
    expect(run.sent[0]!.request.form).toEqual({
      grant_type: 'client_credentials',
      scope: 'read write:statuses',
    });
  });
});
