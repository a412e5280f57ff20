import { eventData, presenceEvent, roomProgress } from '@/lib/rooms/room-messages';
import type { RoomProgress } from '@/lib/rooms/progress';
import { z } from 'zod/mini';

const progressEvent = z.object({ progress: roomProgress });

/**
 * The instructor's side of a room's stream (GET /api/rooms/:code/events?role=instructor), which needs
 * the room's key as a Bearer token: EventSource cannot send one, so the stream is read with fetch.
 * Only what the instructor's pages show is read: the number of students, the class's progress on the
 * challenges, and the room's end.
 */
export type InstructorStreamHandlers = {
  presence(students: number): void;
  /** The class's progress on the challenges (solved / trying per challenge), when the reader wants it. */
  progress?(progress: RoomProgress): void;
  /** The room has ended, or the server no longer knows this code and key together. */
  closed(): void;
};

// As the server's `retry: 2000` asks of an EventSource; a refusal other than 404 waits longer.
const RECONNECT_MS = 2_000;
const REFUSED_RETRY_MS = 15_000;

/** Server-Sent Events (HTML, section 9.2.6): blocks separated by a blank line, `event:` and `data:` lines. */
function eventsOf(block: string): { event: string; data: string } {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return { event, data: data.join('\n') };
}

/** Follows the room until the returned function is called; reconnects as an EventSource would. */
export function followInstructorStream(code: string, key: string, handlers: InstructorStreamHandlers) {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const again = (ms: number) => {
    if (!abort.signal.aborted) timer = setTimeout(() => void connect(), ms);
  };
  async function connect() {
    try {
      const response = await fetch(`/api/rooms/${code}/events?role=instructor`, {
        headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (response.status === 404) return handlers.closed();
      if (!response.ok || !response.body) return again(REFUSED_RETRY_MS);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffered += value.replace(/\r\n?/g, '\n');
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const { event, data } = eventsOf(buffered.slice(0, end));
          buffered = buffered.slice(end + 2);
          const presence = event === 'presence' ? eventData(data, presenceEvent) : undefined;
          if (presence) handlers.presence(presence.students);
          const progress = event === 'progress' ? eventData(data, progressEvent) : undefined;
          if (progress) handlers.progress?.(progress.progress);
          if (event === 'closed') return handlers.closed();
        }
      }
      again(RECONNECT_MS);
    } catch {
      again(RECONNECT_MS);
    }
  }
  void connect();
  return () => {
    clearTimeout(timer);
    abort.abort();
  };
}
