import { afterEach, describe, expect, it, vi } from 'vitest';
import { unreachableResponse } from './unreachable';

const env = { publicOrigin: 'https://playground.example', internalOrigin: 'http://10.1.2.3:3000' };

describe('a 502 when the playground cannot reach itself', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names the public origin only, never the internal one or the socket error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = unreachableResponse(
      'The attacker',
      env,
      new Error('connect ECONNREFUSED 10.1.2.3:3000'),
    );
    expect(response.status).toBe(502);
    const text = JSON.stringify(await response.json());
    expect(text).toContain('https://playground.example');
    expect(text).not.toContain('10.1.2.3');
    expect(text).toMatch(/^\{"error":"server_unreachable"/);
  });
});
