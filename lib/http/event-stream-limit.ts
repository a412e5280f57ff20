import { clientAddress } from './client-address';
import { ConnectionLimit } from './connection-limit';
import { errorResponse } from './errors';

/**
 * Server-Sent Events hold a connection, a timer and a subscription each for as long as the page is
 * open. A learner has one or two (the trace, a room); a class of 200 behind one address has 400.
 */
export const EVENT_STREAMS_PER_ADDRESS = 500;
/** All addresses together: what one instance keeps open at most. */
export const EVENT_STREAMS_TOTAL = 2000;

declare global {
  var playgroundEventStreamLimit: ConnectionLimit | undefined;
}

function eventStreamLimit(): ConnectionLimit {
  globalThis.playgroundEventStreamLimit ??= new ConnectionLimit(
    EVENT_STREAMS_PER_ADDRESS,
    EVENT_STREAMS_TOTAL,
  );
  return globalThis.playgroundEventStreamLimit;
}

/**
 * A slot for one more event stream, to `release` when the stream ends; or the answer to send instead:
 * 429 when the caller's address has too many open, 503 when the server has.
 */
export function eventStreamSlot(request: Request): { release: () => void } | Response {
  const admission = eventStreamLimit().acquire(clientAddress(request.headers));
  if (admission.ok) return admission;
  return admission.over === 'address'
    ? errorResponse(
        429,
        'too_many_connections',
        `Your address has ${EVENT_STREAMS_PER_ADDRESS} live streams open already. Close some playground tabs and reload.`,
      )
    : errorResponse(
        503,
        'server_busy',
        `The playground has as many live streams open as it serves (${EVENT_STREAMS_TOTAL}). Reload in a minute.`,
        { 'retry-after': '60' },
      );
}
