import { describe, expect, it } from 'vitest';
import { composedRequestSchema, issuesOf } from './composed-request';

const compose = (request: Record<string, unknown>) => {
  const parsed = composedRequestSchema.safeParse({ method: 'POST', path: '/oidc/token', ...request });
  return parsed.success ? 'accepted' : issuesOf(parsed.error);
};

describe('request composer: where a learner may send', () => {
  it('sends to the authorization server and the resource server, with a query', () => {
    expect(compose({ path: '/oidc/token' })).toBe('accepted');
    expect(compose({ method: 'GET', path: '/api/v1/accounts/verify_credentials' })).toBe('accepted');
    expect(compose({ method: 'GET', path: '/oidc/auth?client_id=playground-spa&scope=openid' })).toBe(
      'accepted',
    );
  });

  it('refuses an absolute URL, even to this origin, and says it sends only to the playground’s endpoints', () => {
    for (const path of ['https://evil.example/token', 'http://localhost:3000/oidc/token', '//evil.example/x'])
      expect(compose({ path })).toMatch(
        /^path: must be a path on the playground, such as \/oidc\/token, not an absolute URL/,
      );
  });

  it('refuses a path outside the playground’s endpoints, or one that climbs out of them', () => {
    expect(compose({ path: '/api/trace' })).toMatch(/^path: path must be an endpoint of the playground/);
    expect(compose({ path: '/oidc/../api/rooms/ABCD2345' })).toMatch(/must not contain \. or \.\. segments/);
  });

  it('takes any demo client or none, and no other client', () => {
    expect(compose({ client_id: 'playground-service' })).toBe('accepted');
    expect(compose({ client_id: 'playground-tv' })).toBe('accepted');
    expect(compose({})).toBe('accepted');
    expect(compose({ client_id: 'someone-else' })).toBe(
      'client_id: must be one of the playground’s demo clients, or none',
    );
  });

  it('takes GET and POST only', () => {
    expect(compose({ method: 'DELETE' })).toBe('method: must be GET or POST');
  });
});

describe('request composer: headers and form', () => {
  it('sends any header a client may send, and repeated form parameters', () => {
    expect(
      compose({
        headers: [
          { name: 'Authorization', value: 'Bearer abc' },
          { name: 'DPoP', value: 'a.b.c' },
        ],
        form: [
          { name: 'resource', value: 'https://a.example' },
          { name: 'resource', value: 'https://b.example' },
        ],
      }),
    ).toBe('accepted');
  });

  it('refuses the headers the server sets itself: who the learner is, the connection, the length', () => {
    for (const name of ['Cookie', 'Host', 'Content-Length', 'X-Playground-From', 'X-Forwarded-For'])
      expect(compose({ headers: [{ name, value: 'x' }] })).toBe(
        'headers.0.name: the server sets this header itself (who you are, the connection, the body’s length)',
      );
  });

  it('refuses a header value with a line break (no injected header) and a name that is not a token', () => {
    expect(compose({ headers: [{ name: 'dpop', value: 'a.b.c\r\nx-injected: 1' }] })).toBe(
      'headers.0.value: a header value cannot hold a line break or a control character (RFC 9110 §5.5)',
    );
    expect(compose({ headers: [{ name: 'bad name', value: 'x' }] })).toMatch(
      /^headers\.0\.name: a header name is/,
    );
    expect(compose({ headers: [{ name: ' ', value: 'x' }] })).toBe('headers.0.name: a header needs a name');
  });

  it('refuses a GET with a form body, and says where its parameters go', () => {
    expect(compose({ method: 'GET', path: '/oidc/me', form: [{ name: 'a', value: 'b' }] })).toBe(
      'form: a GET request has no body: put its parameters in the path’s query (?name=value), or send a POST',
    );
  });
});
