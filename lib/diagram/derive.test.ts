import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/types';
import { traceEvent } from '../trace/testing';
import { deriveHoldings, deriveMessages } from './derive';

let seq = 10;
const event = (
  method: string,
  path: string,
  status: number,
  from: TraceEvent['from'],
  to: TraceEvent['to'],
  channel: TraceEvent['channel'],
): TraceEvent => ({
  id: String(seq),
  seq: seq++,
  time: '',
  durationMs: 1,
  from,
  to,
  channel,
  request: {
    method,
    url: `http://localhost:3000${path}`,
    headers: [],
    body: null,
    bodyEncoding: 'utf8',
    truncated: false,
  },
  response: { status, headers: [], body: null, bodyEncoding: 'utf8', truncated: false },
});

const codeFlow = [
  event('GET', '/oidc/auth', 303, 'resource-owner', 'authorization-server', 'front'),
  event('POST', '/interaction/abc/login', 303, 'resource-owner', 'authorization-server', 'front'),
  event('POST', '/interaction/abc/confirm', 303, 'resource-owner', 'authorization-server', 'front'),
  event('POST', '/oidc/token', 200, 'client', 'authorization-server', 'back'),
  event('POST', '/oidc/token/introspection', 200, 'resource-server', 'authorization-server', 'back'),
  event('POST', '/api/v1/statuses', 200, 'client', 'resource-server', 'back'),
];

describe('diagram derived from the recorded exchanges', () => {
  it('numbers the messages in order with who sent what to whom', () => {
    const messages = deriveMessages(codeFlow);
    expect(messages.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(messages[0]).toMatchObject({
      from: 'resource-owner',
      to: 'authorization-server',
      channel: 'front',
      label: 'GET /oidc/auth → 303',
    });
    expect(
      deriveMessages([
        event(
          'GET',
          '/interaction/2puUca8KxHkIdoEt-vip_9hAPqtN19XY3Aw8ifpcWv7',
          200,
          'resource-owner',
          'authorization-server',
          'front',
        ),
      ])[0]!.label,
    ).toBe('GET /interaction/2puUca… → 200');
    expect(messages[5]).toMatchObject({
      from: 'client',
      to: 'resource-server',
      channel: 'back',
      label: 'POST /api/v1/statuses → 200',
    });
  });

  it('says what each role holds from the snapshot and the exchanges', () => {
    const holdings = deriveHoldings(
      { values: { code: 'c', code_verifier: 'v' }, tokens: { access_token: 'at', refresh_token: 'rt' } },
      codeFlow,
      'public',
    );
    expect(holdings['resource-owner']).toContain('a session at the authorization server');
    expect(holdings.client).toEqual([
      'no secret (public client)',
      'a PKCE code_verifier',
      'an authorization code',
      'an access token',
      'a refresh token',
    ]);
    expect(holdings['authorization-server']).toContain('1 token response issued');
    expect(holdings['resource-server']).toContain('1 toot posted');
  });

  it('holds nothing beyond the basics before the first exchange', () => {
    const holdings = deriveHoldings({ values: {}, tokens: {} }, [], 'confidential');
    expect(holdings['resource-owner']).toEqual([]);
    expect(holdings.client).toEqual(['a client secret (server-side)']);
  });

  it('the resource owner is a person: what she knows and her browser keeps, never “a browser” as a holding', () => {
    const signedIn = deriveHoldings({ values: {}, tokens: {} }, codeFlow, 'public');
    expect(signedIn['resource-owner']).not.toContain('a browser');
    const password = deriveHoldings({ values: {}, tokens: {} }, [], 'confidential', [], 'client-form');
    expect(password['resource-owner']).toEqual(['a password, typed into the client']);
    const none = deriveHoldings({ values: {}, tokens: {} }, [], 'confidential', [], 'none');
    expect(none['resource-owner']).toEqual(['no user, no browser: the client acts for itself']);
  });

  it('a client that signs its assertions holds a private key, not a secret, from before its first request', () => {
    const holdings = deriveHoldings({ values: {}, tokens: {} }, [], 'private-key');
    expect(holdings.client).toEqual(['a private key for client assertions (server-side; no client secret)']);
  });
});

describe('holdings in the flow against a Mastodon instance', () => {
  it('the client’s secret is in the browser once an app is registered, and a revoked token is named so', () => {
    const exchange = (method: string, url: string, status: number): TraceEvent => {
      const event = traceEvent(url);
      return {
        ...event,
        seq: 1,
        request: { ...event.request, method },
        response: { ...event.response, status },
      };
    };
    const before = deriveHoldings(
      { values: { instance: 'https://social.example' }, tokens: {} },
      [],
      'confidential',
    );
    expect(before.client).toEqual(['no app registered yet']);
    const after = deriveHoldings(
      { values: { instance: 'https://social.example', client_secret: 's' }, tokens: { access_token: 'at' } },
      [
        exchange('POST', 'https://social.example/oauth/token', 200),
        exchange('POST', 'https://social.example/oauth/revoke', 200),
      ],
      'confidential',
    );
    expect(after.client).toEqual(['an app’s client secret (in this browser)', 'a revoked access token']);
  });
});
