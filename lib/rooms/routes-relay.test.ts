import { beforeEach, describe, expect, it } from 'vitest';
import { LEARNER_COOKIE, newLearnerId, signLearnerId } from '../trace/learner';
import { createMemoryTraceStore } from '../trace/store';
import { authorizationServerPage } from './authorization-server-page';
import { inbox } from './hub-contract';
import { leakedSecrets, signInRun, unmaskedView } from './room-view.testing';
import { closeRoom } from './routes';
import { roomRoutesUnderTest } from './routes.testing';

// While the instructor is at the authorization server's pages, the room hears the servers' record of
// the instructor's run (lib/rooms/relay.ts), wired by the step route to the learner who published it.
const { learnerKey, request, newRoom, step } = roomRoutesUnderTest();

beforeEach(() => {
  globalThis.playgroundTraceStore = createMemoryTraceStore();
});

const INSTRUCTOR = newLearnerId();
const RUN = 'instructor-run-1';
const asInstructor = () => ({ cookie: `${LEARNER_COOKIE}=${signLearnerId(INSTRUCTOR, learnerKey)}` });
const record = (learnerId: string, events = signInRun(RUN)) => {
  for (const { seq, ...event } of events) {
    void seq;
    globalThis.playgroundTraceStore!.append(learnerId, event);
  }
};
const view = () => ({ ...unmaskedView(), exchanges: [], total: 0 });

describe('rooms API: the instructor’s sign-in reaches the room from the servers', () => {
  it('relays the publishing learner’s front-channel exchanges of its run, masked, until the room closes', async () => {
    const { code, instructor_key: key } = await newRoom();
    const student = inbox();
    await globalThis.playgroundRoomHub!.subscribe(code, 'student', student.listener);
    const published = await step(
      code,
      key,
      { slug: 'authorization-code', stepIndex: 0, view: view(), run: RUN },
      asInstructor(),
    );
    expect(published.status).toBe(200);
    record('someone-else');
    record(INSTRUCTOR, signInRun(RUN).slice(0, 2));
    const heard = await student.until(
      (message) => message.type === 'step' && message.view?.exchanges.length === 2,
    );
    if (heard.type !== 'step') throw new Error('not a step');
    expect(authorizationServerPage(heard.view!.exchanges)).toBe('sign-in');
    // The run's id stays on the server: students never learn it.
    expect(JSON.stringify(student.messages)).not.toContain(RUN);

    expect(
      (
        await closeRoom(
          request(`/api/rooms/${code}`, '10.9.9.9', {
            method: 'DELETE',
            headers: { authorization: `Bearer ${key}` },
          }),
          code,
        )
      ).status,
    ).toBe(204);
    const before = student.messages.length;
    record(INSTRUCTOR);
    expect(globalThis.playgroundRoomRelay!['rooms'].size).toBe(0);
    expect(student.messages.slice(before).filter((message) => message.type === 'step')).toEqual([]);
    expect(leakedSecrets(JSON.stringify(student.messages))).toEqual([]);
  });

  it('relays nothing for a step published without a learner cookie, or for another run', async () => {
    const { code, instructor_key: key } = await newRoom();
    const student = inbox();
    await globalThis.playgroundRoomHub!.subscribe(code, 'student', student.listener);
    await step(code, key, { slug: 'authorization-code', stepIndex: 0, view: view(), run: RUN });
    record(INSTRUCTOR);
    await step(
      code,
      key,
      { slug: 'authorization-code', stepIndex: 0, view: view(), run: 'another-run-22' },
      asInstructor(),
    );
    record(INSTRUCTOR);
    // A marker step: every relayed step would have arrived before it.
    await step(code, key, { slug: 'authorization-code', stepIndex: 1 });
    await student.until((message) => message.type === 'step' && message.stepIndex === 1);
    expect(student.messages.filter((message) => message.type === 'step')).toHaveLength(3);
  });

  it('a view the instructor’s browser sent before it saw the authorization request does not take it from the room', async () => {
    const { code, instructor_key: key } = await newRoom();
    const student = inbox();
    await globalThis.playgroundRoomHub!.subscribe(code, 'student', student.listener);
    const moving = { slug: 'authorization-code', stepIndex: 0, run: RUN };
    await step(code, key, { ...moving, view: view() }, asInstructor());
    record(INSTRUCTOR, signInRun(RUN).slice(0, 1));
    await student.until((message) => message.type === 'step' && message.view?.exchanges.length === 1);
    // The browser's step, sent as it left for the authorization server, arrives after the request.
    const stepsHeard = () => student.messages.filter((message) => message.type === 'step');
    const late = await step(code, key, { ...moving, view: view() }, asInstructor());
    expect(late.status).toBe(200);
    await student.until(() => stepsHeard().length === 3);
    const last = stepsHeard().at(-1);
    if (last?.type !== 'step') throw new Error('not a step');
    expect(last.view?.exchanges.map((exchange) => exchange.request.url)).toEqual([
      expect.stringContaining('/oidc/auth?response_type=code'),
    ]);
    // Another run's exchanges are not this view's.
    const other = await step(code, key, { ...moving, view: view(), run: 'another-run-33' }, asInstructor());
    expect(other.status).toBe(200);
    await student.until(() => stepsHeard().length === 4);
    const newest = stepsHeard().at(-1);
    if (newest?.type !== 'step') throw new Error('not a step');
    expect(newest.view?.exchanges).toEqual([]);
  });

  it('refuses a run id that is not one (400), never a 500', async () => {
    const { code, instructor_key: key } = await newRoom();
    const refused = await step(
      code,
      key,
      { slug: 'authorization-code', stepIndex: 0, run: 'a b' },
      asInstructor(),
    );
    expect(refused.status).toBe(400);
    expect((await refused.json()).error_description).toMatch(/^run:/);
  });
});
