import { describe, expect, it } from 'vitest';
import { ConnectionLimit } from '../http/connection-limit';
import { RegistrationLimit } from '../mastodon/registration-limit';
import { newLearnerId, signLearnerId } from '../trace/learner';
import { JOIN_LIMITS } from './index';
import { OpenRooms } from './open-rooms';
import { closeRoom, createRoom, readRoom, streamRoom } from './routes';
import { roomRoutesUnderTest } from './routes.testing';

const { learnerKey, request, newRoom, step } = roomRoutesUnderTest();

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
    expect((await step(code, 'someone-else', { slug: 'password', stepIndex: 1 })).status).toBe(404);
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
