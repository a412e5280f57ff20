import { eventStreamResponse } from '../http/event-stream';
import type { RoomHub, RoomMessage, RoomRole } from './types';

const HEARTBEAT_MS = 15_000;

const encoder = new TextEncoder();
// A step carries the instructor's view (tens of kilobytes) to every student: a hub hands each of its
// subscribers the same message, which is written out once, not once per student.
const frames = new WeakMap<RoomMessage, Uint8Array>();
function frame(message: RoomMessage): Uint8Array {
  let bytes = frames.get(message);
  if (!bytes) {
    bytes = encoder.encode(
      message.type === 'step'
        ? `id: ${message.seq}\nevent: step\ndata: ${JSON.stringify(message)}\n\n`
        : `event: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`,
    );
    frames.set(message, bytes);
  }
  return bytes;
}

/**
 * A room as Server-Sent Events: the instructor's current step at once, then every step, the number of
 * students connected, and the room's end. Steps carry their sequence number as the event id; a
 * reconnecting EventSource gets the current step again and drops what it has seen.
 */
export async function roomEventStream(
  hub: RoomHub,
  code: string,
  role: RoomRole,
  signal: AbortSignal,
  onClose: () => void = () => {},
): Promise<Response> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let lastSeq = 0;
  let unsubscribe = () => {};
  const send = (chunk: string | Uint8Array) => {
    if (closed) return;
    try {
      controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    } catch {
      cleanup();
    }
  };
  const deliver = (message: RoomMessage) => {
    if (message.type === 'step') {
      if (message.seq <= lastSeq) return;
      lastSeq = message.seq;
    }
    send(frame(message));
    if (message.type === 'closed') cleanup();
  };
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
    cancel() {
      cleanup();
    },
  });
  // Subscribe before reading the current step, and drop older steps by seq, so none falls in between.
  const stop = await hub.subscribe(code, role, deliver);
  if (closed) stop();
  else unsubscribe = stop;
  const heartbeat = setInterval(async () => {
    send(': keep-alive\n\n');
    // A room that expired in Redis says nothing: look, and tell the subscriber it has ended.
    if (!closed && !(await hub.find(code).catch(() => true))) deliver({ type: 'closed', reason: 'expired' });
  }, HEARTBEAT_MS);
  function cleanup() {
    if (closed) return;
    closed = true;
    onClose();
    clearInterval(heartbeat);
    unsubscribe();
    try {
      controller.close();
    } catch {
      // the client went away first
    }
  }
  signal.addEventListener('abort', cleanup, { once: true });
  send('retry: 2000\n\n');
  const room = await hub.find(code);
  if (room?.step) deliver({ type: 'step', ...room.step });
  return eventStreamResponse(body);
}
