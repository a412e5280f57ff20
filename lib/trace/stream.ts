import { eventStreamResponse } from '../http/event-stream';
import type { TraceStore } from './store';
import type { TraceEvent } from './types';

const HEARTBEAT_MS = 15_000;

const frame = (event: TraceEvent) => `id: ${event.seq}\nevent: exchange\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * The learner's trace as Server-Sent Events: first every recorded exchange after `Last-Event-ID` (so a
 * reconnecting EventSource misses nothing), then each new one as it is recorded, in order.
 */
export function traceEventStream(
  store: TraceStore,
  learnerId: string,
  afterSeq: number,
  signal: AbortSignal,
  onClose: () => void = () => {},
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      let lastSent = afterSeq;
      // Subscribe before reading the backlog, and drop duplicates by seq, so nothing falls in between.
      const unsubscribe = store.subscribe(learnerId, (event) => {
        if (event.seq <= lastSent) return;
        lastSent = event.seq;
        send(frame(event));
      });
      send('retry: 2000\n\n');
      for (const event of store.list(learnerId, afterSeq)) {
        if (event.seq <= lastSent) continue;
        lastSent = event.seq;
        send(frame(event));
      }
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      cleanup = () => {
        onClose();
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      signal.addEventListener('abort', () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return eventStreamResponse(body);
}
