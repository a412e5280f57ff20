import { describe, expect, it } from 'vitest';
import { MastodonError, mastodonErrorResponse } from './errors';
import { basicCredentials } from './oauth';

const basic = (raw: string) => `Basic ${Buffer.from(raw).toString('base64')}`;

describe('HTTP Basic client credentials at /oauth/token (RFC 6749 section 2.3.1)', () => {
  it('decodes the form-encoded client_id and client_secret', () => {
    expect(basicCredentials(basic('my%20app:s%3Acret'))).toEqual({ id: 'my app', secret: 's:cret' });
  });

  it('answers nothing for a header without a client_id, so the body is tried instead', () => {
    expect(basicCredentials(basic(':secret'))).toBeUndefined();
    expect(basicCredentials(basic('no-separator'))).toBeUndefined();
  });

  it('refuses a malformed %-escape with 401 invalid_client instead of throwing a server error', async () => {
    let thrown: unknown;
    try {
      basicCredentials(basic('app:%ZZ'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MastodonError);
    const response = mastodonErrorResponse(thrown as MastodonError);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic');
    expect(await response.json()).toEqual({
      error: 'invalid_client',
      error_description: expect.stringMatching(/not validly %-encoded/),
    });
  });
});
