import http from 'node:http';

export type RoomEvent = { event: string; data: unknown; receivedAt: number };

/**
 * A room's Server-Sent Events read from Node, as a student's browser would receive them (for tests
 * across instances and for bench:room). Plain node:http keeps 200 of them cheap.
 */
export function openRoomEvents(
  url: string,
  onEvent: (event: RoomEvent) => void,
  /** The instructor's stream (`?role=instructor`) needs the room's key: `authorization: Bearer <key>`. */
  headers: Record<string, string> = {},
): Promise<{ close(): void; status: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { agent: false, headers: { accept: 'text/event-stream', ...headers } },
      (response) => {
        const close = () => request.destroy();
        if (response.statusCode !== 200) {
          response.resume();
          return resolve({ close, status: response.statusCode ?? 0 });
        }
        response.setEncoding('utf8');
        let buffer = '';
        response.on('data', (chunk: string) => {
          const receivedAt = performance.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of frame.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (data.length) onEvent({ event, data: JSON.parse(data.join('\n')), receivedAt });
          }
        });
        response.on('error', () => {});
        resolve({ close, status: 200 });
      },
    );
    request.on('error', (error) => reject(error));
  });
}

/** Creates a room on `origin`; answers its code and the instructor's key. */
export async function createRoom(origin: string): Promise<{ code: string; key: string }> {
  const response = await fetch(`${origin}/api/rooms`, { method: 'POST' });
  if (response.status !== 201) throw new Error(`POST /api/rooms answered ${response.status}`);
  const body = (await response.json()) as { code: string; instructor_key: string };
  return { code: body.code, key: body.instructor_key };
}

export function step(origin: string, room: { code: string; key: string }, slug: string, stepIndex: number) {
  return fetch(`${origin}/api/rooms/${room.code}/step`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${room.key}` },
    body: JSON.stringify({ slug, stepIndex }),
  });
}
