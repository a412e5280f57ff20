import { describe, expect, it } from 'vitest';
import { MAX_RECORDED_BODY, recordExchange, type Exchange } from './recorder';
import { createMemoryTraceStore } from './store';

const text = (value: string) => new TextEncoder().encode(value);

function exchange(overrides: Partial<Exchange> = {}): Exchange {
  const responseHeaders = new Headers({ 'content-type': 'application/json' });
  responseHeaders.append('set-cookie', 'a=1; path=/');
  responseHeaders.append('set-cookie', 'b=2; path=/x');
  return {
    learnerId: 'learner-1',
    from: 'client',
    to: 'authorization-server',
    channel: 'back',
    startedAt: Date.UTC(2026, 10, 28, 10, 0, 0),
    durationMs: 12.5,
    request: {
      method: 'POST',
      url: 'http://localhost:3000/oidc/token',
      headers: new Headers({
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'Basic abc',
      }),
      body: text('grant_type=client_credentials'),
    },
    response: { status: 200, headers: responseHeaders, body: text('{"access_token":"t"}') },
    ...overrides,
  };
}

describe('exchange recorder', () => {
  it('records method, URL, headers, bodies, status, timing and roles', () => {
    const store = createMemoryTraceStore();
    const recorded = recordExchange(store, exchange(), 'http://localhost:3000');
    expect(recorded).toMatchObject({
      seq: 1,
      time: '2026-11-28T10:00:00.000Z',
      durationMs: 12.5,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      request: {
        method: 'POST',
        url: 'http://localhost:3000/oidc/token',
        body: 'grant_type=client_credentials',
        bodyEncoding: 'utf8',
        truncated: false,
      },
      response: { status: 200, body: '{"access_token":"t"}' },
    });
    expect(recorded!.request.headers).toContainEqual(['authorization', 'Basic abc']);
    expect(store.list('learner-1')).toEqual([recorded]);
  });

  it('keeps each Set-Cookie header as its own entry', () => {
    const recorded = recordExchange(createMemoryTraceStore(), exchange());
    expect(recorded!.response.headers.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', 'a=1; path=/'],
      ['set-cookie', 'b=2; path=/x'],
    ]);
  });

  it('replaces redacted form fields and keeps the rest', () => {
    const recorded = recordExchange(
      createMemoryTraceStore(),
      exchange({
        redactFormFields: ['password'],
        request: {
          method: 'POST',
          url: 'http://localhost:3000/interaction/x/login',
          headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded' }),
          body: text('username=alice&password=wonderland'),
        },
      }),
    );
    expect(recorded!.request.body).toBe('username=alice&password=%5Bredacted%5D');
  });

  it('cuts bodies longer than the limit and says so', () => {
    const big = 'x'.repeat(MAX_RECORDED_BODY + 10);
    const recorded = recordExchange(
      createMemoryTraceStore(),
      exchange({
        response: { status: 200, headers: new Headers({ 'content-type': 'text/html' }), body: text(big) },
      }),
    );
    expect(recorded!.response.body).toHaveLength(MAX_RECORDED_BODY);
    expect(recorded!.response.truncated).toBe(true);
    expect(recorded!.response.bodyBytes).toBe(MAX_RECORDED_BODY + 10);
  });

  it('keeps binary bodies as base64', () => {
    const recorded = recordExchange(
      createMemoryTraceStore(),
      exchange({
        response: {
          status: 200,
          headers: new Headers({ 'content-type': 'image/png' }),
          body: new Uint8Array([137, 80, 78, 71]),
        },
      }),
    );
    expect(recorded!.response).toMatchObject({ body: 'iVBORw==', bodyEncoding: 'base64' });
  });

  it('records a redirect with its Location and no body as null', () => {
    const recorded = recordExchange(
      createMemoryTraceStore(),
      exchange({
        response: { status: 303, headers: new Headers({ location: '/interaction/abc' }), body: null },
      }),
    );
    expect(recorded!.response.headers).toContainEqual(['location', '/interaction/abc']);
    expect(recorded!.response.body).toBeNull();
  });

  it('shows that our cookies were sent, by name, with their values replaced by a label', () => {
    const responseHeaders = new Headers();
    responseHeaders.append('set-cookie', '_session=s3cr3t; path=/; httponly');
    responseHeaders.append('set-cookie', '_session.sig=abc; path=/; httponly');
    responseHeaders.append('set-cookie', 'theirs=kept; path=/');
    const recorded = recordExchange(
      createMemoryTraceStore(),
      exchange({
        request: {
          method: 'GET',
          url: 'http://localhost:3000/oidc/auth',
          headers: new Headers({
            cookie: 'playground_learner=ID.SIG; _interaction=i1; playground_run=r1; theirs=kept',
          }),
          body: null,
        },
        response: { status: 303, headers: responseHeaders, body: null },
      }),
    );
    expect(recorded!.request.headers).toContainEqual([
      'cookie',
      'playground_learner=[learner id, hidden]; _interaction=[authorization server cookie, hidden]; playground_run=[run id, hidden]; theirs=kept',
    ]);
    expect(recorded!.response.headers.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', '_session=[authorization server cookie, hidden]; path=/; httponly'],
      ['set-cookie', '_session.sig=[authorization server cookie, hidden]; path=/; httponly'],
      ['set-cookie', 'theirs=kept; path=/'],
    ]);
    expect(JSON.stringify(recorded)).not.toMatch(/ID\.SIG|s3cr3t|i1|r1/);
  });

  it('keeps out the server’s own headers: the stamped peer address and the learner it vouches for', () => {
    const recorded = recordExchange(
      createMemoryTraceStore(),
      exchange({
        request: {
          method: 'GET',
          url: 'http://localhost:3000/oidc/me',
          headers: new Headers({
            'x-playground-peer': '192.0.2.1',
            'x-playground-on-behalf': '192.0.2.1 LEARNERID 1 SIG',
          }),
          body: null,
        },
      }),
    );
    const names = recorded!.request.headers.map(([name]) => name);
    expect(names).not.toContain('x-playground-peer');
    expect(names).toContain('x-playground-on-behalf');
    expect(JSON.stringify(recorded)).not.toContain('LEARNERID');
  });

  it('keeps nothing for an exchange without a learner', () => {
    const store = createMemoryTraceStore();
    expect(recordExchange(store, exchange({ learnerId: undefined }))).toBeUndefined();
  });

  it('records the request at the public origin, not at Next’s internal localhost address', () => {
    const recorded = recordExchange(
      createMemoryTraceStore(),
      exchange({
        request: {
          method: 'GET',
          url: 'http://localhost:4790/oidc/me?claims=x',
          headers: new Headers({ host: '127.0.0.1:4790', authorization: 'Bearer at' }),
          body: null,
        },
      }),
      'http://127.0.0.1:4790',
    );
    expect(recorded!.request.url).toBe('http://127.0.0.1:4790/oidc/me?claims=x');
    expect(recorded!.request.headers).toContainEqual(['host', '127.0.0.1:4790']);
  });

  it('takes the public origin’s scheme too (TLS ends at a proxy in front)', () => {
    const recorded = recordExchange(createMemoryTraceStore(), exchange(), 'https://class.example/');
    expect(recorded!.request.url).toBe('https://class.example/oidc/token');
  });
});
