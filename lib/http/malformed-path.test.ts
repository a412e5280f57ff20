import { describe, expect, it } from 'vitest';
import { isDecodablePath, malformedPathResponse } from './malformed-path';

describe('malformed percent-encoding in a path', () => {
  it('accepts plain paths and well-formed escapes', () => {
    expect(isDecodablePath('/grants/password')).toBe(true);
    expect(isDecodablePath('/join/ABCD%25')).toBe(true);
    expect(isDecodablePath('/api/v1/statuses/%C3%A9')).toBe(true);
    expect(malformedPathResponse('http://localhost:3000/join/ABCD%2F')).toBeUndefined();
  });

  it('refuses a % without two hex digits and bytes that are not UTF-8', () => {
    expect(isDecodablePath('/grants/%ZZ')).toBe(false);
    expect(isDecodablePath('/join/%FF')).toBe(false);
    expect(isDecodablePath('/api/v1/statuses/%E0%A4')).toBe(false);
    expect(isDecodablePath('/oidc/100%')).toBe(false);
  });

  it('answers the APIs and the authorization server in JSON, people with a page', async () => {
    const api = malformedPathResponse('http://localhost:3000/oidc/%ZZ')!;
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: 'invalid_request' });
    const page = malformedPathResponse('http://localhost:3000/grants/%ZZ')!;
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<h1>Bad address</h1>');
  });
});
