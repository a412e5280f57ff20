import { describe, expect, it } from 'vitest';
import { curlCommand, toCurl } from './curl';
import type { TraceEvent } from './types';

const event = (request: Partial<TraceEvent['request']>): TraceEvent => ({
  id: 'x',
  seq: 1,
  time: '',
  durationMs: 1,
  from: 'client',
  to: 'authorization-server',
  channel: 'back',
  request: {
    method: 'GET',
    url: 'http://localhost:3000/oidc/me',
    headers: [],
    body: null,
    bodyEncoding: 'utf8',
    truncated: false,
    ...request,
  },
  response: { status: 200, headers: [], body: null, bodyEncoding: 'utf8', truncated: false },
});

describe('copy as curl', () => {
  it('writes a GET with its meaningful headers only', () => {
    expect(
      toCurl(
        event({
          headers: [
            ['authorization', 'Bearer abc'],
            ['host', 'localhost:3000'],
            ['sec-fetch-mode', 'cors'],
            ['cookie', 'a=b'],
          ],
        }),
      ),
    ).toBe("curl 'http://localhost:3000/oidc/me' -H 'authorization: Bearer abc'");
  });

  it('writes a POST with its form body, quoting single quotes', () => {
    expect(
      toCurl(
        event({
          method: 'POST',
          url: 'http://localhost:3000/oidc/token',
          headers: [['content-type', 'application/x-www-form-urlencoded']],
          body: "grant_type=password&password=it's",
        }),
      ),
    ).toBe(
      "curl -X POST 'http://localhost:3000/oidc/token' -H 'content-type: application/x-www-form-urlencoded' --data-raw 'grant_type=password&password=it'\\''s'",
    );
  });

  it('does not send half a body when the log cut it', () => {
    const command = toCurl(
      event({
        method: 'POST',
        body: 'grant_type=client_credentials&padding=xx',
        truncated: true,
        bodyBytes: 49152,
      }),
    );
    expect(command).not.toContain('padding=');
    expect(command).toContain('the 49152-byte body was cut in the log');
  });

  it('sends to the public origin the log recorded, with no Host header where it is that origin’s', () => {
    expect(
      toCurl(event({ url: 'http://127.0.0.1:4790/oidc/me', headers: [['host', '127.0.0.1:4790']] })),
    ).toBe("curl 'http://127.0.0.1:4790/oidc/me'");
  });

  it('keeps a Host header that names another host than the URL, so that the command sends what was sent', () => {
    expect(
      toCurl(event({ url: 'http://192.168.1.20:3000/oidc/me', headers: [['host', 'localhost:3000']] })),
    ).toBe("curl 'http://192.168.1.20:3000/oidc/me' -H 'host: localhost:3000'");
  });
});

describe('copy as curl: landing in the learner’s own trace', () => {
  it('sends the learner cookie it is given, and never the recorded Cookie header', () => {
    expect(
      toCurl(event({ headers: [['cookie', '_session=abc; playground_learner=old']] }), {
        cookie: 'playground_learner=id.sig',
      }),
    ).toBe("curl 'http://localhost:3000/oidc/me' -b 'playground_learner=id.sig'");
  });

  it('puts the cookie before the body, so the body stays last', () => {
    expect(
      toCurl(event({ method: 'POST', body: 'grant_type=client_credentials' }), {
        cookie: 'playground_learner=id.sig',
      }),
    ).toBe(
      "curl -X POST 'http://localhost:3000/oidc/me' -b 'playground_learner=id.sig' --data-raw 'grant_type=client_credentials'",
    );
  });

  it('writes a composed request as it would be recorded: headers, cookie and form body', () => {
    expect(
      curlCommand(
        {
          method: 'POST',
          url: 'http://localhost:3000/oidc/token',
          headers: [
            ['content-type', 'application/x-www-form-urlencoded'],
            ['authorization', 'Basic eDp5'],
          ],
          body: 'grant_type=client_credentials',
        },
        { cookie: 'playground_learner=id.sig' },
      ),
    ).toBe(
      "curl -X POST 'http://localhost:3000/oidc/token' -H 'content-type: application/x-www-form-urlencoded' -H 'authorization: Basic eDp5' -b 'playground_learner=id.sig' --data-raw 'grant_type=client_credentials'",
    );
  });

  it('quotes a cookie so that the shell cannot read anything into it', () => {
    expect(
      curlCommand(
        { method: 'GET', url: 'http://localhost:3000/oidc/me', headers: [], body: null },
        { cookie: "a='$(x)'" },
      ),
    ).toBe("curl 'http://localhost:3000/oidc/me' -b 'a='\\''$(x)'\\'''");
  });
});
