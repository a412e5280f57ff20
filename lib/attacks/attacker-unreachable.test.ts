import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlaygroundEnv } from '../config/env';
import { attempt } from './attacker';

const env = {
  publicOrigin: 'https://playground.example',
  internalOrigin: 'http://10.1.2.3:3000',
} as PlaygroundEnv;

describe('the attacker’s server when the playground cannot be reached', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers 502 naming the public origin, not the internal one', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await attempt(
      () => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:3000')),
      env,
    );
    expect(response.status).toBe(502);
    const { error_description } = (await response.json()) as { error_description: string };
    expect(error_description).toContain('https://playground.example');
    expect(error_description).not.toContain('10.1.2.3');
  });
});
