import { describe, expect, it } from 'vitest';
import { GRANTS } from '../../machines/registry';
import { LEARNING_PATH, START_HERE } from './learning-path';

describe('the suggested order', () => {
  it('goes PKCE, refresh, client credentials, device, compare, attacks, modern', () => {
    expect(LEARNING_PATH.map((step) => ('grant' in step ? step.grant : step.href))).toEqual([
      'authorization-code-pkce',
      'refresh-token',
      'client-credentials',
      'device-code',
      '/compare',
      '/attacks',
      '#grants-modern',
    ]);
  });

  it('starts where "Start here" leads, and names only registered grants', () => {
    expect(LEARNING_PATH[0]).toMatchObject({ grant: START_HERE });
    const slugs = new Set(GRANTS.map((grant) => grant.slug));
    for (const step of LEARNING_PATH)
      if ('grant' in step) expect(slugs.has(step.grant), step.grant).toBe(true);
  });
});
