import { describe, expect, it } from 'vitest';
import { stepCountOf } from '../../app/walkthroughs';
import { JOIN_LIMITS } from './index';
import { closeRoom, publishStep, readRoom, streamRoom } from './routes';
import { roomRoutesUnderTest } from './routes.testing';

const { request, newRoom, step } = roomRoutesUnderTest();

const PROBE = '10.0.0.20';
const probeStep = (code: string, key: string) =>
  publishStep(
    request(`/api/rooms/${code}/step`, PROBE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ slug: 'password', stepIndex: 0 }),
    }),
    code,
    stepCountOf,
  );
const end = (code: string, key: string, address = PROBE) =>
  closeRoom(
    request(`/api/rooms/${code}`, address, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } }),
    code,
  );
const instructorStream = (code: string, key: string | undefined, address = PROBE, signal?: AbortSignal) =>
  streamRoom(
    request(`/api/rooms/${code}/events?role=instructor`, address, {
      ...(signal ? { signal } : {}),
      headers: key ? { authorization: `Bearer ${key}` } : {},
    }),
    code,
  );

describe('the instructor’s routes say nothing of which codes are live (one answer, counted)', () => {
  it('answers a wrong key for a live room as it answers a code that names no room', async () => {
    const { code } = await newRoom();
    const answers = [
      await probeStep(code, 'not-the-key'),
      await probeStep('ZZZZZZZZ', 'not-the-key'),
      await end(code, 'not-the-key'),
      await end('ZZZZZZZZ', 'not-the-key'),
      await instructorStream(code, 'not-the-key'),
      await instructorStream('ZZZZZZZZ', 'not-the-key'),
    ];
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(bodies[0]).toMatchObject({ error: 'room_not_found' });
  });

  it('counts each wrong code or key of a step, an end or a stream as a wrong join code: past the limit, 429 everywhere', async () => {
    const { code } = await newRoom();
    for (let attempt = 0; attempt < JOIN_LIMITS.perLearner; attempt += 1) {
      const probes = [probeStep, end, instructorStream];
      const probe = probes[attempt % probes.length]!;
      expect((await probe(attempt % 2 ? code : 'ZZZZZZZZ', `guess-${attempt}`)).status).toBe(404);
    }
    for (const limited of [
      await probeStep(code, 'guess'),
      await end('ZZZZZZZZ', 'guess'),
      await instructorStream(code, 'guess'),
      await readRoom(request('/api/rooms/x', PROBE), code),
    ]) {
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ error: 'too_many_attempts' });
    }
  });

  it('still takes the steps of the instructor whose code and key match, from an address past the limit', async () => {
    const { code, instructor_key: key } = await newRoom();
    for (let attempt = 0; attempt < JOIN_LIMITS.perLearner; attempt += 1)
      await readRoom(request('/api/rooms/x', '10.9.9.9'), 'ZZZZZZZZ');
    expect((await readRoom(request('/api/rooms/x', '10.9.9.9'), code)).status).toBe(429);
    expect((await step(code, key, { slug: 'password', stepIndex: 1 })).status).toBe(200);
    expect((await end(code, key, '10.9.9.9')).status).toBe(204);
  });
});

describe('the instructor’s stream is the instructor’s', () => {
  it('needs the room’s key: without one 401, and a student cannot hide from the count by asking for it', async () => {
    const { code } = await newRoom();
    const anonymous = await instructorStream(code, undefined);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('opens with the key, and is not counted as a student', async () => {
    const { code, instructor_key: key } = await newRoom();
    const abort = new AbortController();
    const response = await instructorStream(code, key, '10.9.9.9', abort.signal);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: presence')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('"students":0');
    expect(await (await readRoom(request('/x'), code)).json()).toMatchObject({ students: 0 });
    abort.abort();
  });
});
