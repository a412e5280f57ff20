import { describe, expect, it } from 'vitest';
import { instanceError, notMastodon, parseVersion, retryAfterSeconds, softwareOf } from './answers';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body,
});
const html = (status: number) => ({
  status,
  headers: { 'content-type': 'text/html' },
  body: '<!DOCTYPE html><title>Welcome</title>',
});

describe('reading a Mastodon instance’s answers', () => {
  it('keeps the instance’s own JSON error', () => {
    expect(
      instanceError(json(422, { error: 'Validation failed: Redirect URI must be an absolute URI.' }), 'x'),
    ).toEqual({
      error: 'Validation failed: Redirect URI must be an absolute URI.',
      status: 422,
    });
    expect(
      instanceError(
        json(401, { error: 'invalid_client', error_description: 'Client authentication failed' }),
        'x',
      ),
    ).toEqual({
      error: 'invalid_client',
      error_description: 'Client authentication failed',
      status: 401,
    });
    expect(instanceError(json(503, {}), 'x')).toMatchObject({ error: 'http_503', status: 503 });
  });

  it('says when the answer is an HTML page or a 404, not Mastodon', () => {
    expect(instanceError(html(200), 'GET /api/v2/instance')).toMatchObject({
      error: 'not_mastodon',
      error_description: expect.stringMatching(/GET \/api\/v2\/instance answered 200 with an HTML page/),
    });
    expect(notMastodon({ status: 404, headers: {}, body: '' }, 'The instance').error_description).toMatch(
      /answered 404 with a body of no stated type/,
    );
  });

  it('gives a 429 its wait, from Retry-After or X-RateLimit-Reset', () => {
    expect(
      instanceError(json(429, { error: 'Too many requests' }, { 'retry-after': '42' }), 'x'),
    ).toMatchObject({
      error: 'rate_limited',
      error_description: expect.stringMatching(/Try again in 42 seconds.*It said: Too many requests/),
    });
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(
      retryAfterSeconds(
        { status: 429, headers: { 'X-RateLimit-Reset': '2026-11-28T12:05:00.000Z' }, body: '' },
        now,
      ),
    ).toBe(300);
    expect(
      retryAfterSeconds(
        { status: 429, headers: { 'retry-after': 'Sat, 28 Nov 2026 12:01:00 GMT' }, body: '' },
        now,
      ),
    ).toBe(60);
    expect(instanceError({ status: 429, headers: {}, body: '' }, 'x').error_description).toMatch(
      /Wait a few minutes/,
    );
  });

  it('reads versions and compatible software', () => {
    expect(parseVersion('4.3.0')).toEqual([4, 3, 0]);
    expect(parseVersion('4.2.10+glitch')).toEqual([4, 2, 10]);
    expect(parseVersion('nonsense')).toBeUndefined();
    expect(softwareOf('4.3.0')).toBe('Mastodon');
    expect(softwareOf('2.7.2 (compatible; Pleroma 2.5.0)')).toBe('Pleroma 2.5.0');
  });
});
