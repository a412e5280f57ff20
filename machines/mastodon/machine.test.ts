import { describe, expect, it } from 'vitest';
import { json, ORIGIN, runWalkthrough, type SentRequest } from '../walkthrough/testing';
import type { ExchangeResult } from '../../lib/walkthrough/types';
import { mastodonMachine, mastodonOobMachine } from './machine';
import { mastodon, mastodonOob, MASTODON_CALLBACK_PATH, OOB_REDIRECT_URI } from './steps';

const INSTANCE = 'https://social.example';
const REDIRECT = `${ORIGIN}${MASTODON_CALLBACK_PATH}`;
const secrets = (extra: Record<string, string> = {}) => ({
  instance: INSTANCE,
  redirect_uri: REDIRECT,
  state: 'state-1',
  code_verifier: 'verifier-1',
  code_challenge: 'challenge-1',
  idempotency_key: 'idem-1',
  ...extra,
});

const METADATA = {
  issuer: `${INSTANCE}/`,
  authorization_endpoint: `${INSTANCE}/oauth/authorize`,
  token_endpoint: `${INSTANCE}/oauth/token`,
  revocation_endpoint: `${INSTANCE}/oauth/revoke`,
  app_registration_endpoint: `${INSTANCE}/api/v1/apps`,
  scopes_supported: ['read', 'write', 'profile', 'write:statuses', 'read:accounts'],
  code_challenge_methods_supported: ['S256'],
};
const html = (status: number): ExchangeResult => ({
  status,
  headers: { 'content-type': 'text/html' },
  body: '<html>hi</html>',
});

/** A 4.3 instance answering every request the flow sends. */
function modernInstance(overrides: Record<string, ExchangeResult> = {}) {
  let revoked = false;
  return (action: SentRequest): ExchangeResult => {
    const { method, path } = action.request;
    const key = `${method} ${path.replace(INSTANCE, '')}`;
    if (overrides[key]) return overrides[key];
    switch (key) {
      case 'GET /.well-known/oauth-authorization-server':
        return json(200, METADATA);
      case 'GET /api/v2/instance':
        return json(200, { version: '4.3.2', title: 'Social' });
      case 'POST /api/v1/apps':
        return json(200, {
          client_id: 'cid',
          client_secret: 'csecret',
          scopes: ['profile', 'write:statuses'],
        });
      case 'POST /oauth/token':
        return json(200, {
          access_token: 'at',
          token_type: 'Bearer',
          scope: 'profile write:statuses',
          created_at: 1,
          expires_in: 3600,
        });
      case 'GET /api/v1/accounts/verify_credentials':
        return revoked
          ? json(401, { error: 'The access token was revoked' })
          : json(200, { acct: 'alice', url: `${INSTANCE}/@alice` });
      case 'POST /api/v1/statuses':
        return json(200, { id: '42', url: `${INSTANCE}/@alice/42` });
      case 'POST /oauth/revoke':
        revoked = true;
        return json(200, {});
      default:
        return json(404, { error: 'Record not found' });
    }
  };
}

describe('the Mastodon flow', () => {
  it('discovers a 4.3 instance, registers, authorizes with state and PKCE, posts a direct toot and revokes', async () => {
    const run = runWalkthrough(mastodonMachine, mastodon, modernInstance(), secrets());
    await run.next(); // metadata
    await run.next();
    await run.next(); // v2 instance
    await run.next();
    const skipped = await run.next(); // v1 not needed
    expect(skipped.context.stepIndex).toBe(3);
    await run.next(); // register
    expect(run.sent.at(-1)!.request.form).toEqual({
      client_name: 'OAuth2 Playground',
      redirect_uris: REDIRECT,
      scopes: 'profile write:statuses',
      website: ORIGIN,
    });
    await run.next();
    const leaving = await run.next();
    expect(leaving.value).toBe('redirecting');
    const authorize = new URL(run.navigations[0]!);
    expect(authorize.origin + authorize.pathname).toBe(`${INSTANCE}/oauth/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: REDIRECT,
      scope: 'profile write:statuses',
      state: 'state-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
    });
    run.actor.send({ type: 'CALLBACK', url: `${REDIRECT}?code=the-code&state=state-1` });
    await run.next(); // callback step
    await run.next(); // token
    expect(run.sent.at(-1)!.request.form).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      client_id: 'cid',
      client_secret: 'csecret',
      redirect_uri: REDIRECT,
      code_verifier: 'verifier-1',
    });
    expect(run.actor.getSnapshot().context.tokens).toMatchObject({ access_token: 'at', expires_in: 3600 });
    await run.next();
    await run.next(); // verify credentials
    expect(run.sent.at(-1)!.request.headers).toEqual({ authorization: 'Bearer at' });
    expect(run.actor.getSnapshot().context.values.account).toBe('alice');
    await run.next();
    expect(mastodon.steps[run.actor.getSnapshot().context.stepIndex]!.actionLabel).toBe('Post');
    await run.next(); // post
    expect(run.sent.at(-1)!.request).toMatchObject({
      headers: { authorization: 'Bearer at', 'idempotency-key': 'idem-1' },
      form: { visibility: 'direct', status: expect.stringContaining('OAuth2 Playground') },
    });
    await run.next();
    await run.next(); // revoke
    expect(run.sent.at(-1)!.request.form).toEqual({
      client_id: 'cid',
      client_secret: 'csecret',
      token: 'at',
    });
    await run.next();
    await run.next(); // the revoked token, refused
    expect(run.sent.at(-1)!.request).toMatchObject({
      method: 'GET',
      path: `${INSTANCE}/api/v1/accounts/verify_credentials`,
      headers: { authorization: 'Bearer at' },
    });
    expect(run.actor.getSnapshot().context.values.refused_after_revocation).toBe('401');
    const done = await run.next();
    expect(done.hasTag('complete')).toBe(true);
  });

  it('falls back for an instance before 4.3: no metadata, /api/v1/instance, read:accounts, no PKCE', async () => {
    const run = runWalkthrough(
      mastodonMachine,
      mastodon,
      modernInstance({
        'GET /.well-known/oauth-authorization-server': json(404, { error: 'Not found' }),
        'GET /api/v2/instance': json(404, { error: 'Not found' }),
        'GET /api/v1/instance': json(200, { version: '3.5.3', title: 'Old' }),
      }),
      secrets(),
    );
    for (let i = 0; i < 9; i += 1) await run.next();
    expect(run.sent.map((action) => action.request.path.replace(INSTANCE, ''))).toEqual([
      '/.well-known/oauth-authorization-server',
      '/api/v2/instance',
      '/api/v1/instance',
      '/api/v1/apps',
    ]);
    expect(run.sent[3]!.request.form!.scopes).toBe('read:accounts write:statuses');
    const authorize = new URL(run.navigations[0]!);
    expect(authorize.searchParams.get('code_challenge')).toBeNull();
    expect(authorize.searchParams.get('state')).toBe('state-1');
  });

  it('says a server answering HTML is not Mastodon-compatible', async () => {
    const run = runWalkthrough(
      mastodonMachine,
      mastodon,
      modernInstance({ 'GET /.well-known/oauth-authorization-server': html(200) }),
      secrets(),
    );
    const failed = await run.next();
    expect(failed.value).toBe('failed');
    expect(failed.context.error).toMatchObject({ error: 'not_mastodon', status: 200 });

    const notFound = runWalkthrough(
      mastodonMachine,
      mastodon,
      modernInstance({
        'GET /.well-known/oauth-authorization-server': html(404),
        'GET /api/v2/instance': html(404),
        'GET /api/v1/instance': html(404),
      }),
      secrets(),
    );
    for (let i = 0; i < 5; i += 1) await notFound.next();
    expect(notFound.actor.getSnapshot().context.error).toMatchObject({ error: 'not_mastodon', status: 404 });
  });

  it('stops at the metadata step, with the reason, when the document points the browser elsewhere', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ authorization_endpoint: 'javascript:alert(1)' }, /not an https:\/\/ URL/],
      [
        { authorization_endpoint: 'https://phish.example/oauth/authorize' },
        /which is not on https:\/\/social\.example/,
      ],
      [{ issuer: 'https://phish.example/' }, /names its issuer "https:\/\/phish\.example\/"/],
    ];
    for (const [change, reason] of cases) {
      const run = runWalkthrough(
        mastodonMachine,
        mastodon,
        modernInstance({
          'GET /.well-known/oauth-authorization-server': json(200, { ...METADATA, ...change }),
        }),
        secrets(),
      );
      const failed = await run.next();
      expect(failed.value).toBe('failed');
      expect(failed.context.error).toMatchObject({
        error: 'invalid_metadata',
        error_description: expect.stringMatching(reason),
      });
      expect(failed.context.values.authorization_endpoint).toBeUndefined();
    }
  });

  it('shows the instance’s JSON error, and a 429 with its wait', async () => {
    const run = runWalkthrough(
      mastodonMachine,
      mastodon,
      modernInstance({
        'POST /api/v1/apps': {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '300' },
          body: { error: 'Too many requests' },
        },
      }),
      secrets(),
    );
    for (let i = 0; i < 6; i += 1) await run.next();
    expect(run.actor.getSnapshot().context.error).toMatchObject({
      error: 'rate_limited',
      error_description: expect.stringMatching(/Try again in 300 seconds/),
    });
  });

  it('reuses an app this browser registered, sending nothing to register', async () => {
    const run = runWalkthrough(
      mastodonMachine,
      mastodon,
      modernInstance(),
      secrets({
        client_id: 'cached-id',
        client_secret: 'cached-secret',
        app_scopes: 'profile write:statuses',
        app_source: 'cached',
      }),
    );
    for (let i = 0; i < 7; i += 1) await run.next();
    expect(run.sent.map((action) => action.request.path)).not.toContain(`${INSTANCE}/api/v1/apps`);
    expect(new URL(run.navigations[0]!).searchParams.get('client_id')).toBe('cached-id');
  });

  it('refuses a callback with a tampered state, and shows a denial', async () => {
    const run = runWalkthrough(mastodonMachine, mastodon, modernInstance(), secrets());
    for (let i = 0; i < 8; i += 1) await run.next();
    run.actor.send({ type: 'CALLBACK', url: `${REDIRECT}?code=stolen&state=forged` });
    expect(run.actor.getSnapshot().context.error?.error).toBe('state_mismatch');
    const sentBefore = run.sent.length;
    expect(run.actor.getSnapshot().context.values.code).toBeUndefined();

    const denied = runWalkthrough(mastodonMachine, mastodon, modernInstance(), secrets());
    for (let i = 0; i < 8; i += 1) await denied.next();
    denied.actor.send({
      type: 'CALLBACK',
      url: `${REDIRECT}?error=access_denied&error_description=The+resource+owner+denied&state=state-1`,
    });
    expect(denied.actor.getSnapshot().context.error).toMatchObject({ error: 'access_denied' });
    expect(run.sent.length).toBe(sentBefore);
  });

  it('out of band: the learner opens the page, pastes the code, and the token request carries it', async () => {
    const run = runWalkthrough(
      mastodonOobMachine,
      mastodonOob,
      modernInstance(),
      secrets({ redirect_uri: OOB_REDIRECT_URI }),
    );
    for (let i = 0; i < 7; i += 1) await run.next();
    const snapshot = run.actor.getSnapshot();
    const action = mastodonOob.steps[snapshot.context.stepIndex]!.action(snapshot.context);
    expect(action).toMatchObject({ kind: 'visit', linkText: 'Open the authorization page (new tab)' });
    expect(new URL((action as { url: string }).url).searchParams.get('redirect_uri')).toBe(OOB_REDIRECT_URI);
    await run.next();
    run.actor.send({ type: 'SET_PARAM', name: 'code', value: '  pasted-code ' });
    await run.next();
    expect(run.sent.at(-1)!.request.form).toMatchObject({
      code: 'pasted-code',
      redirect_uri: OOB_REDIRECT_URI,
    });
    expect(run.navigations).toEqual([]);
  });
});
