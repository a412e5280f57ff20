import { afterEach, describe, expect, it, vi } from 'vitest';
import { callAttacker } from './attacker-request';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  vi.fn(async () => Response.json(body, { status, headers }));

describe('the Attacker’s tools’ requests: the answer verbatim, and a refusal’s cause in words', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the form to the attacker’s server and keeps its answer as it came', async () => {
    const fetch = answer(201, { received: { kind: 'code' } });
    vi.stubGlobal('fetch', fetch);
    expect(await callAttacker('POST', '/api/attacker/loot', { code: 'c', client_id: 'lab-app' })).toEqual({
      request: 'POST /api/attacker/loot',
      status: 201,
      body: { received: { kind: 'code' } },
    });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(String(init.body)).toBe('code=c&client_id=lab-app');
  });

  it('says to hand the attacker something first when it holds nothing (409 nothing_stolen)', async () => {
    vi.stubGlobal(
      'fetch',
      answer(409, { error: 'nothing_stolen', error_description: 'The attacker holds no access token.' }),
    );
    expect((await callAttacker('POST', '/api/attacker/call-api')).problem).toBe(
      'The attacker holds no access token. Hand it a stolen value first (“Give it to the attacker”).',
    );
  });

  it('says to wait when the attacker’s rate limit answers 429', async () => {
    vi.stubGlobal('fetch', answer(429, { error: 'too_many_requests' }));
    expect((await callAttacker('POST', '/api/attacker/redeem-code')).problem).toContain('wait a few minutes');
  });

  it('passes on a refusal’s WWW-Authenticate challenge, and adds no cause to the playground’s own refusal', async () => {
    vi.stubGlobal(
      'fetch',
      answer(401, { error: 'invalid_token' }, { 'www-authenticate': 'DPoP error="invalid_token"' }),
    );
    expect(await callAttacker('POST', '/api/attacker/call-api')).toEqual({
      request: 'POST /api/attacker/call-api',
      status: 401,
      body: { error: 'invalid_token' },
      challenge: 'DPoP error="invalid_token"',
    });
  });

  it('says the server could not be reached when the request fails, without throwing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await callAttacker('GET', '/api/attacker/loot')).toMatchObject({
      status: 0,
      problem: expect.stringContaining('could not be reached'),
    });
  });
});
