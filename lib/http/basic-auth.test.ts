import { describe, expect, it } from 'vitest';
import { basicAuthorization, basicCredentialsOf } from './basic-auth';

const raw = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('HTTP Basic client authentication (RFC 6749 §2.3.1)', () => {
  it('form-encodes each part before base64, so a colon, a space or a plus survives', () => {
    const header = basicAuthorization('my app', 's:cr+t é');
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe('my+app:s%3Acr%2Bt+%C3%A9');
    expect(basicCredentialsOf(header)).toEqual({ clientId: 'my app', secret: 's:cr+t é' });
  });

  it('reads a plain id and secret as they are', () => {
    expect(basicAuthorization('playground-web', 'playground-web-secret')).toBe(
      raw('playground-web:playground-web-secret'),
    );
    expect(basicCredentialsOf(raw('playground-web:playground-web-secret'))).toEqual({
      clientId: 'playground-web',
      secret: 'playground-web-secret',
    });
  });

  it('decodes "+" as a space, as oidc-provider does, and %20 too', () => {
    expect(basicCredentialsOf(raw('my+app:a%20b'))).toEqual({ clientId: 'my app', secret: 'a b' });
  });

  it('reads nothing from another scheme, no client_id, no colon or bad base64', () => {
    for (const header of [
      'Bearer abc',
      raw(':secret'),
      raw('no-separator'),
      'Basic ***',
      'Basic',
      'Basic a b',
    ])
      expect(basicCredentialsOf(header)).toBeUndefined();
  });

  it('throws on a part that is not validly %-encoded, for the caller to refuse', () => {
    expect(() => basicCredentialsOf(raw('app:%ZZ'))).toThrow(URIError);
  });
});
