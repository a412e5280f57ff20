import { describe, expect, it } from 'vitest';
import { inbox } from './hub-contract';
import { ROOM_VIEW_BYTES } from './room-view';
import { leakedSecrets, unmaskedView } from './room-view.testing';
import { readRoom, streamRoom } from './routes';
import { roomRoutesUnderTest } from './routes.testing';

// The view of the instructor's run a step message carries (lib/rooms/room-view.ts): masked on the server,
// bounded, validated, and streamed to students without a secret of the run.
const { request, newRoom, step } = roomRoutesUnderTest();

describe('rooms API: the view a step carries', () => {
  it('masks the view on the server before any student hears it, whatever the instructor’s browser sent', async () => {
    const { code, instructor_key: key } = await newRoom();
    const student = inbox();
    await globalThis.playgroundRoomHub!.subscribe(code, 'student', student.listener);
    const view = unmaskedView();
    const published = await step(code, key, { slug: 'authorization-code', stepIndex: 3, view });
    expect(published.status).toBe(200);
    // The instructor is answered where the room is, not sent its view back.
    const answer = await published.json();
    expect(answer).toMatchObject({ step: { slug: 'authorization-code', stepIndex: 3, seq: 1 } });
    expect(answer.step).not.toHaveProperty('view');
    const heard = await student.until((message) => message.type === 'step');
    expect(heard).toMatchObject({ view: { total: 5, values: { code: 'Sxq3bW…', state: 's1' } } });
    expect(leakedSecrets(JSON.stringify(heard))).toEqual([]);
    // A student joining late reads the same masked view.
    const joined = await readRoom(request('/x', '10.0.0.3'), code);
    expect(leakedSecrets(await joined.text())).toEqual([]);
  });

  it('refuses a malformed view with a 400 naming the field, and an oversized one with a 413, never a 500', async () => {
    const { code, instructor_key: key } = await newRoom();
    const view = unmaskedView();
    for (const [bad, field] of [
      [null, 'view'],
      [{ ...view, exchanges: 'all of them' }, 'view.exchanges'],
      [
        {
          ...view,
          exchanges: [{ ...view.exchanges[0], request: { ...view.exchanges[0]!.request, url: 'no url' } }],
        },
        'view.exchanges.0.request.url',
      ],
      [{ ...view, exchanges: Array(17).fill(view.exchanges[0]) }, 'view.exchanges'],
      [{ ...view, tokens: { access_token: { nested: true } } }, 'view.tokens.access_token'],
    ] as const) {
      const refused = await step(code, key, { slug: 'authorization-code', stepIndex: 1, view: bad });
      expect(refused.status).toBe(400);
      const body = await refused.json();
      expect(body.error).toBe('invalid_request');
      expect(body.error_description).toContain(`${field}:`);
    }
    // Within every field's bounds, too large in all: 16 exchanges with bodies near the limit.
    const body = 'x'.repeat(1_900);
    const large = {
      ...view,
      exchanges: Array.from({ length: 16 }, (_, index) => ({
        ...view.exchanges[0]!,
        seq: index + 1,
        request: { ...view.exchanges[0]!.request, body },
        response: { ...view.exchanges[0]!.response, body },
      })),
    };
    expect(JSON.stringify(large).length).toBeGreaterThan(ROOM_VIEW_BYTES);
    const tooLarge = await step(code, key, { slug: 'authorization-code', stepIndex: 1, view: large });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: 'view_too_large' });
    expect((await readRoom(request('/x'), code)).status).toBe(200);
    expect(await (await readRoom(request('/x'), code)).json()).toMatchObject({ step: null });
  });

  it('streams the view masked: the step event a student receives holds no secret of the run', async () => {
    const { code, instructor_key: key } = await newRoom();
    await step(code, key, { slug: 'authorization-code', stepIndex: 2, view: unmaskedView() });
    const abort = new AbortController();
    const response = await streamRoom(
      request(`/api/rooms/${code}/events`, '10.0.0.2', { signal: abort.signal }),
      code,
    );
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!/event: step\ndata: .*\n\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    const frame = /event: step\ndata: (.*)\n\n/.exec(text)?.[1];
    expect(JSON.parse(frame!)).toMatchObject({ stepIndex: 2, view: { exchanges: expect.any(Array) } });
    expect(leakedSecrets(text)).toEqual([]);
    abort.abort();
  });
});
