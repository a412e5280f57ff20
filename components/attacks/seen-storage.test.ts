import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '@/lib/testing/memory-storage';
import { loadSeen, markSeen, parseSeen } from './seen-storage';

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('the attack outcomes this browser has seen', () => {
  it('keeps each outcome per attack', () => {
    markSeen('mix-up', 'succeeded');
    markSeen('mix-up', 'blocked');
    markSeen('pkce-downgrade', 'blocked');
    expect(loadSeen()).toEqual({
      'mix-up': { succeeded: true, blocked: true },
      'pkce-downgrade': { blocked: true },
    });
  });

  it('reads one attack’s outcomes, and text of another shape as nothing seen', () => {
    expect(parseSeen('{"succeeded":true}')).toEqual({ succeeded: true });
    expect(parseSeen('{"succeeded":"yes"}')).toEqual({});
    expect(parseSeen('[true]')).toEqual({});
    expect(parseSeen('{')).toEqual({});
  });
});
