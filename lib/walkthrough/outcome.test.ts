import { describe, expect, it } from 'vitest';
import { responseMeaning, statusLine } from './outcome';

const result = (body: unknown, status = 200) => ({ status, headers: {}, body });

describe('a response in one line', () => {
  it('names the tokens a token response issued, and their scope (RFC 6749 §5.1)', () => {
    expect(
      responseMeaning(
        result({
          access_token: 'a',
          refresh_token: 'r',
          id_token: 'i',
          scope: 'openid profile',
          token_type: 'Bearer',
        }),
      ),
    ).toBe('The server issued an access token, a refresh token and an ID token for scope “openid profile”.');
  });

  it('names the device authorization response’s user_code (RFC 8628 §3.2)', () => {
    expect(responseMeaning(result({ device_code: 'd', user_code: 'WDJB-MJHT', interval: 5 }))).toMatch(
      /user_code WDJB-MJHT/,
    );
  });

  it('lists an API answer’s first fields, never inventing a meaning', () => {
    expect(responseMeaning(result({ sub: 'alice', email: 'a@example.org' }))).toBe(
      'The server answered with sub and email.',
    );
    expect(responseMeaning(result([{ id: 1 }, { id: 2 }]))).toBe(
      'The server answered with a list of 2 items.',
    );
    expect(responseMeaning(result(undefined, 204))).toBe('The server answered with no body.');
  });

  it('names an OAuth error code, and leaves an API’s error sentence to the body', () => {
    expect(responseMeaning(result({ error: 'invalid_token' }, 401))).toBe(
      'The server answered invalid_token.',
    );
    expect(responseMeaning(result({ error: 'The access token is invalid' }, 401))).toBe(
      'The server refused the request: its reason is in the response body.',
    );
  });

  it('writes a status with its reason phrase (RFC 9110 §15)', () => {
    expect(statusLine(400)).toBe('400 Bad Request');
    expect(statusLine(418)).toBe('418');
  });
});
