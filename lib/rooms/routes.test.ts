import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionLimit } from '../http/connection-limit';
import { PEER_HEADER } from '../http/peer-address';
import { RegistrationLimit } from '../mastodon/registration-limit';
import { installTestLearnerKey } from '../testing/learner-key';
import { newLearnerId, signLearnerId } from '../trace/learner';
import { JOIN_LIMITS } from './index';
import { OpenRooms } from './open-rooms';
import { MemoryRoomHub } from './memory-hub';
import { inbox } from './hub-contract';
import { ROOM_VIEW_BYTES } from './room-view';
import { leakedSecrets, unmaskedView } from './room-view.testing';
import { closeRoom, createRoom, publishStep, readRoom, streamRoom } from './routes';

const learnerKey = installTestLearnerKey();

// The address is the socket's peer, which the server stamps in PEER_HEADER (TRUST_PROXY unset).
const from = (address: string, init: RequestInit = {}) => ({
  ...init,
  headers: { [PEER_HEADER]: address, ...(init.headers as Record<string, string>) },
});
const request = (path: string, address = '10.0.0.1', init: RequestInit = {}) =>
  new Request(`http://localhost:3000${path}`, from(address, init));

async function newRoom() {
  const response = await createRoom(request('/api/rooms', '10.9.9.9', { method: 'POST' }));
  expect(response.status).toBe(201);
  return (await response.json()) as {
    code: string;
    display_code: string;
    join_url: string;
    instructor_key: string;
  };
}

const step = (code: string, key: string | undefined, body: unknown) =>
  publishStep(
    request(`/api/rooms/${code}/step`, '10.9.9.9', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    code,
  );

beforeEach(() => {
  delete process.env.REDIS_URL;
  globalThis.playgroundRoomHub = new MemoryRoomHub(60_000);
  globalThis.playgroundRoomJoinLimit = undefined;
  globalThis.playgroundRoomCreationLimit = undefined;
  globalThis.playgroundOpenRooms = undefined;
  globalThis.playgroundEventStreamLimit = undefined;
});
afterEach(async () => {
  await globalThis.playgroundRoomHub?.shutdown();
  globalThis.playgroundRoomHub = undefined;
});

describe('rooms API', () => {
  it('creates a room with a join URL and a key for its instructor', async () => {
    const room = await newRoom();
    expect(room.code).toMatch(/^[0-9A-Z]{8}$/);
    expect(room.display_code).toBe(`${room.code.slice(0, 4)}-${room.code.slice(4)}`);
    expect(room.join_url).toBe(`http://localhost:3000/join/${room.code}`);
    const joined = await readRoom(
      request(`/api/rooms/${room.display_code.toLowerCase()}`),
      room.display_code,
    );
    expect(joined.status).toBe(200);
    expect(await joined.json()).toMatchObject({ code: room.code, students: 0, step: null });
    expect(JSON.stringify(await (await readRoom(request('/x'), room.code)).json())).not.toContain(
      room.instructor_key,
    );
  });

  it('takes steps only from the instructor, and only steps that exist', async () => {
    const { code, instructor_key: key } = await newRoom();
    expect((await step(code, undefined, { slug: 'password', stepIndex: 1 })).status).toBe(401);
    expect((await step(code, 'someone-else', { slug: 'password', stepIndex: 1 })).status).toBe(403);
    const notJson = await step(code, key, '{');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: 'invalid_request' });
    expect((await step(code, key, { slug: 'no-such-grant', stepIndex: 0 })).status).toBe(400);
    expect((await step(code, key, { slug: 'password', stepIndex: 99 })).status).toBe(400);
    expect((await step(code, key, { slug: 'password', stepIndex: -1 })).status).toBe(400);
    expect((await step('ZZZZZZZZ', key, { slug: 'password', stepIndex: 0 })).status).toBe(404);
    const moved = await step(code, key, { slug: 'password', stepIndex: 1 });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ step: { slug: 'password', stepIndex: 1, seq: 1 } });
  });

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

  it('takes the steps of an attack of the lab too, and only steps it has', async () => {
    const { code, instructor_key: key } = await newRoom();
    expect((await step(code, key, { slug: 'refresh-token-replay', stepIndex: 99 })).status).toBe(400);
    const moved = await step(code, key, { slug: 'refresh-token-replay', stepIndex: 3 });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ step: { slug: 'refresh-token-replay', stepIndex: 3 } });
  });

  it('rate-limits wrong codes per address without a learner id, then refuses even the right code there', async () => {
    const { code } = await newRoom();
    for (let attempt = 0; attempt < JOIN_LIMITS.perLearner; attempt += 1) {
      const wrong = await readRoom(
        request('/api/rooms/x', '10.0.0.7'),
        attempt % 2 ? 'ZZZZZZZZ' : 'nonsense',
      );
      expect([400, 404]).toContain(wrong.status);
    }
    const limited = await readRoom(request('/api/rooms/x', '10.0.0.7'), code);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: 'too_many_attempts' });
    expect((await streamRoom(request('/api/rooms/x/events', '10.0.0.7'), code)).status).toBe(429);
    // Another address (another classroom) is not affected.
    expect((await readRoom(request('/api/rooms/x', '10.0.0.8'), code)).status).toBe(200);
  });

  const asLearner = (learnerId: string, address: string) =>
    request('/api/rooms/x', address, {
      headers: { cookie: `playground_learner=${signLearnerId(learnerId, learnerKey)}` },
    });

  it('counts wrong codes per learner: one student’s typos do not lock the class behind the same address', async () => {
    const { code } = await newRoom();
    const [typist, classmate] = [newLearnerId(), newLearnerId()];
    for (let attempt = 0; attempt < JOIN_LIMITS.perLearner; attempt += 1)
      expect((await readRoom(asLearner(typist, '10.0.0.9'), 'ZZZZZZZZ')).status).toBe(404);
    expect((await readRoom(asLearner(typist, '10.0.0.9'), code)).status).toBe(429);
    expect((await readRoom(asLearner(classmate, '10.0.0.9'), code)).status).toBe(200);
  });

  it('stops a guesser who rotates learner ids at the address ceiling', async () => {
    const { code } = await newRoom();
    for (let attempt = 0; attempt < JOIN_LIMITS.perAddress; attempt += 1)
      await readRoom(asLearner(newLearnerId(), '10.0.0.10'), 'ZZZZZZZZ');
    const limited = await readRoom(asLearner(newLearnerId(), '10.0.0.10'), code);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({
      error_description: expect.stringMatching(/from your address/),
    });
  });

  it('refuses an address more open rooms than its share (429), and everyone past the total (503)', async () => {
    globalThis.playgroundRoomCreationLimit = new RegistrationLimit(100);
    const hub = globalThis.playgroundRoomHub!;
    globalThis.playgroundOpenRooms = new OpenRooms(
      async (code) => (await hub.find(code)) !== undefined,
      2,
      3,
    );
    const create = (address: string) => createRoom(request('/api/rooms', address, { method: 'POST' }));
    const first = (await (await create('10.0.0.1')).json()) as { code: string; instructor_key: string };
    expect((await create('10.0.0.1')).status).toBe(201);
    const refused = await create('10.0.0.1');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'too_many_rooms' });
    await closeRoom(
      request(`/api/rooms/${first.code}`, '10.0.0.1', {
        method: 'DELETE',
        headers: { authorization: `Bearer ${first.instructor_key}` },
      }),
      first.code,
    );
    expect((await create('10.0.0.1')).status).toBe(201);
    expect((await create('10.0.0.2')).status).toBe(201);
    const busy = await create('10.0.0.3');
    expect(busy.status).toBe(503);
    expect(await busy.json()).toMatchObject({ error: 'server_busy' });
  });

  it('refuses an address more event streams than its share until one of them ends', async () => {
    globalThis.playgroundEventStreamLimit = new ConnectionLimit(1, 10);
    const { code } = await newRoom();
    const abort = new AbortController();
    const open = (signal?: AbortSignal) =>
      streamRoom(request(`/api/rooms/${code}/events`, '10.0.0.2', { signal }), code);
    expect((await open(abort.signal)).status).toBe(200);
    const refused = await open();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'too_many_connections' });
    abort.abort();
    const again = await open(abort.signal);
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });

  it('streams the current step at once, then each new one, and the end of the room', async () => {
    const { code, instructor_key: key } = await newRoom();
    await step(code, key, { slug: 'implicit', stepIndex: 0 });
    const abort = new AbortController();
    const response = await streamRoom(
      request(`/api/rooms/${code}/events`, '10.0.0.2', { signal: abort.signal }),
      code,
    );
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}: ${text}`);
        text += decoder.decode(value);
      }
    };
    await readUntil('"stepIndex":0');
    expect(text).toContain('id: 1\nevent: step');
    await readUntil('"students":1');
    await step(code, key, { slug: 'implicit', stepIndex: 1 });
    await readUntil('"stepIndex":1');
    expect(text).toContain('id: 2\nevent: step');
    const closed = await closeRoom(
      request(`/api/rooms/${code}`, '10.9.9.9', {
        method: 'DELETE',
        headers: { authorization: `Bearer ${key}` },
      }),
      code,
    );
    expect(closed.status).toBe(204);
    await readUntil('event: closed');
    expect((await readRoom(request('/x', '10.0.0.2'), code)).status).toBe(404);
    abort.abort();
  });
});
