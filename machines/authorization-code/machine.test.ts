import { describe, expect, it } from 'vitest';
import { json, ORIGIN, runWalkthrough, tokenResponse } from '../walkthrough/testing';
import { walkthroughBySlug } from '..';
import { authorizationCode } from './steps';

const machine = walkthroughBySlug('authorization-code')!.machine;

describe('authorization code walkthrough (confidential client)', () => {
  it('asks for a code with a PKCE code_challenge in the front channel, then redeems it with the code_verifier from the client backend', async () => {
    const run = runWalkthrough(machine, authorizationCode, (action) =>
      action.request.path === '/oidc/token'
        ? tokenResponse({ refresh_token: 'rt', id_token: 'a.b.c' })
        : json(200, { sub: 'alice' }),
    );
    await run.next();
    const authorization = new URL(run.navigations[0]!, ORIGIN);
    expect(authorization.pathname).toBe('/oidc/auth');
    expect(Object.fromEntries(authorization.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'playground-web',
      redirect_uri: `${ORIGIN}/callback`,
      scope: 'openid profile email offline_access read write',
      state: 'state-123',
      nonce: 'nonce-456',
      prompt: 'consent',
      code_challenge: 'challenge-abc',
      code_challenge_method: 'S256',
    });
    run.actor.send({
      type: 'CALLBACK',
      url: `${ORIGIN}/callback?code=the-code&state=state-123&iss=${encodeURIComponent(`${ORIGIN}/oidc`)}`,
    });
    await run.next();
    await run.next();
    expect(run.sent[0]).toEqual({
      kind: 'send',
      via: 'client-backend',
      request: {
        method: 'POST',
        path: '/oidc/token',
        form: {
          grant_type: 'authorization_code',
          code: 'the-code',
          redirect_uri: `${ORIGIN}/callback`,
          code_verifier: 'verifier-789',
        },
      },
    });
    expect(run.actor.getSnapshot().context.tokens).toMatchObject({
      access_token: 'at-1',
      refresh_token: 'rt',
      id_token: 'a.b.c',
    });
    for (let i = 0; i < 11; i++) await run.next();
    expect(run.sent.map((action) => `${action.request.method} ${action.request.path}`)).toEqual([
      'POST /oidc/token',
      'GET /oidc/me',
      'GET /api/v1/accounts/verify_credentials',
      'POST /api/v1/statuses',
      'POST /oidc/token/revocation',
      'GET /api/v1/accounts/verify_credentials',
    ]);
    expect(run.sent[4]!.request.form).toEqual({ token: 'at-1', token_type_hint: 'access_token' });
    expect(run.sent[1]!.request.headers).toEqual({ authorization: 'Bearer at-1' });
    expect(run.actor.getSnapshot().value).toBe('complete');
  });

  it('adds the resource indicator only when the learner names one', async () => {
    const run = runWalkthrough(machine, authorizationCode, () => json(200, {}));
    run.actor.send({ type: 'SET_PARAM', name: 'resource', value: `${ORIGIN}/api` });
    run.actor.send({ type: 'SET_PARAM', name: 'prompt', value: '' });
    await run.next();
    const authorization = new URL(run.navigations[0]!, ORIGIN);
    expect(authorization.searchParams.get('resource')).toBe(`${ORIGIN}/api`);
    expect(authorization.searchParams.has('prompt')).toBe(false);
  });

  it('stops at an expired or reused code with the server’s error', async () => {
    const run = runWalkthrough(machine, authorizationCode, () =>
      json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' }),
    );
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: `${ORIGIN}/callback?code=old&state=state-123` });
    await run.next();
    const failed = await run.next();
    expect(failed.value).toBe('failed');
    expect(failed.context.error).toMatchObject({ error: 'invalid_grant', status: 400 });
  });
});
