import { describe, expect, it } from 'vitest';
import { exchangeIn } from './use-trace';

const message = { headers: [], body: null, bodyEncoding: 'utf8', truncated: false };
const event = {
  id: 'e1',
  seq: 7,
  time: '2026-01-01T00:00:00.000Z',
  durationMs: 3,
  from: 'resource-owner',
  to: 'authorization-server',
  channel: 'front',
  request: { ...message, method: 'GET', url: 'http://localhost/oidc/auth' },
  response: { ...message, status: 303 },
};

describe('an exchange message of the trace stream', () => {
  it('carries the recorded exchange', () => {
    expect(exchangeIn(JSON.stringify(event))).toEqual(event);
  });

  it('carries nothing when it is not JSON, not a string, or not an exchange', () => {
    expect(exchangeIn('{"seq":')).toBeUndefined();
    expect(exchangeIn(undefined)).toBeUndefined();
    expect(exchangeIn(JSON.stringify({ seq: 8 }))).toBeUndefined();
  });
});
