import { describe, expect, it } from 'vitest';
import { createMemoryTraceStore } from './store';
import { traceEventStream } from './stream';
import { traceEvent } from './testing';

const event = traceEvent;

async function readFrames(response: Response, count: number): Promise<Array<{ id: string; url: string }>> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const frames: Array<{ id: string; url: string }> = [];
  while (frames.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const id = /^id: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (id && data)
        frames.push({ id, url: (JSON.parse(data) as { request: { url: string } }).request.url });
    }
  }
  await reader.cancel();
  return frames;
}

describe('trace event stream', () => {
  it('sends the backlog after Last-Event-ID, then live events, in order', async () => {
    const store = createMemoryTraceStore();
    for (let i = 1; i <= 3; i++) store.append('a', event(`/${i}`));
    const controller = new AbortController();
    const response = traceEventStream(store, 'a', 1, controller.signal);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const frames = readFrames(response, 4);
    store.append('b', event('/someone-else'));
    store.append('a', event('/4'));
    store.append('a', event('/5'));
    expect(await frames).toEqual([
      { id: '2', url: '/2' },
      { id: '3', url: '/3' },
      { id: '4', url: '/4' },
      { id: '5', url: '/5' },
    ]);
    controller.abort();
  });

  it('stops listening when the client goes away', async () => {
    const store = createMemoryTraceStore();
    const controller = new AbortController();
    const response = traceEventStream(store, 'a', 0, controller.signal);
    controller.abort();
    const reader = response.body!.getReader();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});
