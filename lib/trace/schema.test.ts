import { describe, expect, it } from 'vitest';
import { isRole } from './roles';
import { traceEvent } from './schema';
import type { HeaderList, TraceEvent } from './types';

const headers: HeaderList = [['content-type', 'text/plain']];
const message = {
  headers,
  body: 'hi',
  bodyEncoding: 'utf8' as const,
  truncated: false,
};
const event = {
  id: 'e1',
  seq: 1,
  time: '2026-01-01T00:00:00.000Z',
  durationMs: 3,
  from: 'client',
  to: 'authorization-server',
  channel: 'back',
  request: { ...message, method: 'POST', url: 'http://localhost/oidc/token' },
  response: { ...message, status: 200 },
} satisfies TraceEvent;

describe('a recorded exchange read from outside', () => {
  it('reads a recorded exchange as it was, keeping fields a newer recorder adds', () => {
    expect(traceEvent.parse(event)).toEqual(event);
    expect(traceEvent.parse({ ...event, extra: 1 })).toEqual({ ...event, extra: 1 });
  });

  it('refuses one without its request, or from a party that is not a role', () => {
    expect(traceEvent.safeParse({ ...event, request: undefined }).success).toBe(false);
    expect(traceEvent.safeParse({ ...event, from: 'attacker' }).success).toBe(false);
    expect(traceEvent.safeParse({ ...event, request: { ...event.request, headers: [['a']] } }).success).toBe(
      false,
    );
  });

  it('tells the four roles from any other name', () => {
    expect(['client', 'resource-owner', 'authorization-server', 'resource-server'].every(isRole)).toBe(true);
    expect(isRole('attacker')).toBe(false);
    expect(isRole(null)).toBe(false);
  });
});
