import { describe, expect, it } from 'vitest';
import { json, ORIGIN, runWalkthrough, tokenResponse, type SentRequest } from '../walkthrough/testing';
import { walkthroughBySlug } from '..';
import { pushedAuthorizationRequest } from './steps';

const machine = walkthroughBySlug('pushed-authorization-request')!.machine;
const REQUEST_URI = 'urn:ietf:params:oauth:request_uri:abc';
const ISS = encodeURIComponent(`${ORIGIN}/oidc`);

const server = (action: SentRequest) =>
  action.request.path === '/oidc/request'
    ? json(201, { request_uri: REQUEST_URI, expires_in: 60 })
    : action.request.path === '/oidc/token'
      ? tokenResponse()
      : json(200, { id: '1' });

/** Pushes, follows the reference, receives the code, redeems it, calls the API, and opens the URL again. */
async function untilTheReuse(run: ReturnType<typeof runWalkthrough>) {
  for (let i = 0; i < 3; i++) await run.next();
  run.actor.send({ type: 'CALLBACK', url: `${ORIGIN}/callback?code=c&state=state-123&iss=${ISS}` });
  await run.settle();
  for (let i = 0; i < 6; i++) await run.next();
}

describe('pushed authorization request walkthrough (RFC 9126)', () => {
  it('pushes every authorization parameter from the client backend, PKCE S256 and state included', async () => {
    const run = runWalkthrough(machine, pushedAuthorizationRequest, server);
    await run.next();
    expect(run.sent[0]).toEqual({
      kind: 'send',
      via: 'client-backend',
      request: {
        method: 'POST',
        path: '/oidc/request',
        form: {
          response_type: 'code',
          client_id: 'playground-par',
          redirect_uri: `${ORIGIN}/callback`,
          scope: 'openid profile read',
          state: 'state-123',
          nonce: 'nonce-456',
          prompt: 'consent',
          code_challenge: 'challenge-abc',
          code_challenge_method: 'S256',
        },
      },
    });
    expect(run.actor.getSnapshot().context.values).toMatchObject({
      request_uri: REQUEST_URI,
      expires_in: '60',
    });
  });

  it('sends the browser with client_id and request_uri only, and shows the classic URL beside it', async () => {
    const run = runWalkthrough(machine, pushedAuthorizationRequest, server);
    await run.next();
    await run.next();
    await run.next();
    const url = new URL(run.navigations[0]!, ORIGIN);
    expect([...url.searchParams.keys()]).toEqual(['client_id', 'request_uri']);
    expect(url.searchParams.get('request_uri')).toBe(REQUEST_URI);
    const context = run.actor.getSnapshot().context;
    const exhibit = pushedAuthorizationRequest.steps[1]!.exhibit!(context);
    expect(exhibit).toMatchObject({ kind: 'authorization-urls', pushed: `${ORIGIN}${run.navigations[0]}` });
    const classic = new URL(exhibit!.kind === 'authorization-urls' ? exhibit!.classic : '');
    expect(classic.searchParams.get('code_challenge')).toBe('challenge-abc');
    expect(classic.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/callback`);
  });

  it('redeems the code with the code_verifier from the client backend', async () => {
    const run = runWalkthrough(machine, pushedAuthorizationRequest, server);
    await untilTheReuse(run);
    expect(run.sent[1]!.request.form).toEqual({
      grant_type: 'authorization_code',
      code: 'c',
      redirect_uri: `${ORIGIN}/callback`,
      code_verifier: 'verifier-789',
    });
    expect(run.sent[1]!.via).toBe('client-backend');
    expect(run.actor.getSnapshot().context.tokens.access_token).toBe('at-1');
  });

  it('moves on when the reused request_uri is refused with invalid_request_uri, then when a classic request is refused', async () => {
    const run = runWalkthrough(machine, pushedAuthorizationRequest, server);
    await untilTheReuse(run);
    expect(run.navigations[1]).toBe(run.navigations[0]);
    run.actor.send({
      type: 'CALLBACK',
      url: `${ORIGIN}/callback?error=invalid_request_uri&error_description=request_uri+is+invalid%2C+expired%2C+or+was+already+used&iss=${ISS}`,
    });
    let snapshot = await run.settle();
    expect(snapshot.context.stepIndex).toBe(6);
    expect(snapshot.context.callback?.params.error).toBe('invalid_request_uri');
    expect(snapshot.context.values.code).toBeUndefined();
    await run.next();
    await run.next();
    const classic = new URL(run.navigations[2]!, ORIGIN);
    expect(classic.searchParams.get('code_challenge_method')).toBe('S256');
    expect(classic.searchParams.has('request_uri')).toBe(false);
    run.actor.send({
      type: 'CALLBACK',
      url: `${ORIGIN}/callback?error=invalid_request&error_description=Pushed+Authorization+Request+must+be+used&state=state-123&iss=${ISS}`,
    });
    snapshot = await run.settle();
    expect(snapshot.context.stepIndex).toBe(8);
    snapshot = await run.next();
    expect(snapshot.hasTag('complete')).toBe(true);
  });

  it('stops when the server accepts a request_uri a second time', async () => {
    const run = runWalkthrough(machine, pushedAuthorizationRequest, server);
    await untilTheReuse(run);
    run.actor.send({ type: 'CALLBACK', url: `${ORIGIN}/callback?code=again&iss=${ISS}` });
    const snapshot = await run.settle();
    expect(snapshot.matches('failed')).toBe(true);
    expect(snapshot.context.error).toEqual({
      error: 'unexpected_success',
      error_description: 'The authorization server accepted a request_uri it had already used.',
    });
  });

  it('shows the server’s refusal of the push itself', async () => {
    const run = runWalkthrough(machine, pushedAuthorizationRequest, () =>
      json(401, { error: 'invalid_client', error_description: 'client authentication failed' }),
    );
    const snapshot = await run.next();
    expect(snapshot.context.error).toMatchObject({ error: 'invalid_client', status: 401 });
  });
});
