import { describe, expect, it } from 'vitest';
import { isNormalizedPath } from './normalized-path';

describe('normalised paths', () => {
  it('accepts paths that resolve to themselves', () => {
    expect(isNormalizedPath('/oidc/token')).toBe(true);
    expect(isNormalizedPath('/api/v1/statuses/1?x=../y')).toBe(true);
  });

  it('refuses dot segments that would leave the allowed prefix', () => {
    expect(isNormalizedPath('/oidc/../api/rooms/X')).toBe(false);
    expect(isNormalizedPath('/oidc/./token')).toBe(false);
    expect(isNormalizedPath('/oidc/..')).toBe(false);
    expect(isNormalizedPath('/oidc\\..\\api')).toBe(false);
  });
});
