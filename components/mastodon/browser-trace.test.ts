import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '@/lib/testing/memory-storage';
import { traceEvent } from '@/lib/trace/testing';
import { TEST_GRANT } from '@/machines/walkthrough/testing';
import { initialContext } from '@/machines/walkthrough/walkthrough-context';

const EVENTS_KEY = 'playground:mastodon:events';
const context = initialContext(TEST_GRANT, 'http://localhost:3000', { startSeq: 0, secrets: {}, runId: 'r' });
const event = { ...traceEvent('https://mastodon.example/oauth/token'), seq: 1, run: 'r' };

// The module keeps the tab's list once read: each test reads it afresh.
const browserTrace = async () => {
  vi.resetModules();
  return import('./browser-trace');
};

beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('the Mastodon exchanges this tab recorded', () => {
  it('reads the recorded exchanges this tab kept', async () => {
    sessionStorage.setItem(EVENTS_KEY, JSON.stringify([event]));
    expect((await browserTrace()).browserEvents()).toEqual([event]);
  });

  it('reads a kept list of another shape as no exchanges, not as events of the wrong type', async () => {
    for (const kept of ['{"seq":1}', JSON.stringify([{ ...event, from: 'attacker' }]), '[{']) {
      sessionStorage.setItem(EVENTS_KEY, kept);
      expect((await browserTrace()).browserEvents(), kept).toEqual([]);
    }
  });

  it('sends nothing for a step whose party is not one of the four roles', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { sendToInstance } = await browserTrace();
    const step = { from: 'attacker', to: 'authorization-server', channel: 'back' } as const;
    const action = {
      kind: 'send',
      via: 'browser',
      request: { method: 'GET', path: 'https://m.example/' },
    } as const;
    await expect(sendToInstance({ action, step: TEST_GRANT.steps[0]!, context }, step)).rejects.toThrow(
      'records the four roles only',
    );
    expect(fetch).not.toHaveBeenCalled();
  });
});
