import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '@/lib/testing/memory-storage';
import { loadPlan, savePlan } from './autopilot-storage';

const KEY = 'playground:autopilot:plan:authorization-code';

beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('the autopilot’s plan kept across the trip to the authorization server', () => {
  it('loads the plan it saved', () => {
    savePlan('authorization-code', { target: 3, paceMs: 1500, login: 'alice', passed: 2 });
    expect(loadPlan('authorization-code')).toEqual({ target: 3, paceMs: 1500, login: 'alice', passed: 2 });
    savePlan('authorization-code', undefined);
    expect(loadPlan('authorization-code')).toBeUndefined();
  });

  it('loads no plan from a broken entry or one of another shape', () => {
    for (const kept of [
      '{"target":3',
      '"a plan"',
      '[3]',
      '{"target":"3"}',
      '{"target":-1}',
      '{"login":"mallory"}',
    ]) {
      sessionStorage.setItem(KEY, kept);
      expect(loadPlan('authorization-code'), kept).toBeUndefined();
    }
  });
});
