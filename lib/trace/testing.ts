import type { NewTraceEvent } from './types';

/** A minimal recorded GET for store and stream tests. */
export const traceEvent = (url: string): NewTraceEvent => ({
  id: url,
  time: new Date(0).toISOString(),
  durationMs: 1,
  from: 'client',
  to: 'authorization-server',
  channel: 'back',
  request: { method: 'GET', url, headers: [], body: null, bodyEncoding: 'utf8', truncated: false },
  response: { status: 200, headers: [], body: null, bodyEncoding: 'utf8', truncated: false },
});
