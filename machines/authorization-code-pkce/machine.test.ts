import { describe, expect, it } from 'vitest';
import { json, ORIGIN, runWalkthrough, tokenResponse } from '../walkthrough/testing';
import { walkthroughBySlug } from '..';
import { authorizationCodePkce } from './steps';

const machine = walkthroughBySlug('authorization-code-pkce')!.machine;

describe('authorization code with PKCE walkthrough (public client)', () => {
  it('sends the S256 code_challenge, then the code_verifier from the browser with no secret', async () => {
    const run = runWalkthrough(machine, authorizationCodePkce, () => tokenResponse());
    await run.next();
    const authorization = new URL(run.navigations[0]!, ORIGIN);
    expect(authorization.searchParams.get('code_challenge')).toBe('challenge-abc');
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('client_id')).toBe('playground-spa');
    run.actor.send({ type: 'CALLBACK', url: `${ORIGIN}/callback?code=c&state=state-123` });
    await run.next();
    await run.next();
    expect(run.sent[0]).toEqual({
      kind: 'send',
      via: 'browser',
      request: {
        method: 'POST',
        path: '/oidc/token',
        form: {
          grant_type: 'authorization_code',
          client_id: 'playground-spa',
          code: 'c',
          redirect_uri: `${ORIGIN}/callback`,
          code_verifier: 'verifier-789',
        },
      },
    });
  });

  it('sends the verifier itself as the challenge when the learner picks plain', async () => {
    const run = runWalkthrough(machine, authorizationCodePkce, () => json(200, {}));
    run.actor.send({ type: 'SET_PARAM', name: 'code_challenge_method', value: 'plain' });
    await run.next();
    const authorization = new URL(run.navigations[0]!, ORIGIN);
    expect(authorization.searchParams.get('code_challenge')).toBe('verifier-789');
    expect(authorization.searchParams.get('code_challenge_method')).toBe('plain');
  });

  it('shows the refusal of a wrong code_verifier', async () => {
    const run = runWalkthrough(machine, authorizationCodePkce, () =>
      json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' }),
    );
    await run.next();
    run.actor.send({ type: 'CALLBACK', url: `${ORIGIN}/callback?code=c&state=state-123` });
    await run.next();
    expect((await run.next()).context.error?.error).toBe('invalid_grant');
  });
});
