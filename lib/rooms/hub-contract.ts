import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryTraceStore } from '../trace/store';
import { authorizationServerPage } from './authorization-server-page';
import { RoomRelay } from './relay';
import { maskRoomView } from './room-view';
import { instructorRun, leakedSecrets, signInRun, unmaskedView } from './room-view.testing';
import type { RoomHub, RoomMessage } from './types';

/** Records what a subscriber receives, and waits for a message that matches. */
export function inbox() {
  const messages: RoomMessage[] = [];
  // Each waiter looks at every new message and says whether it was the one it waited for.
  const waiters = new Set<(message: RoomMessage) => boolean>();
  return {
    messages,
    listener: (message: RoomMessage) => {
      messages.push(message);
      for (const waiter of waiters) if (waiter(message)) waiters.delete(waiter);
    },
    until(match: (message: RoomMessage) => boolean, timeoutMs = 3000): Promise<RoomMessage> {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = (message: RoomMessage) => {
          if (!match(message)) return false;
          clearTimeout(timer);
          resolve(message);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching message; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}

/**
 * One behaviour for both hubs. `open` gives a hub; with Redis, two calls give two app instances
 * sharing one Redis, so the suite also checks that instances hear each other.
 */
export function roomHubContract(name: string, open: () => RoomHub, sharedAcrossHubs: boolean) {
  describe(`${name} room hub`, () => {
    const hubs: RoomHub[] = [];
    const hub = () => {
      const opened = open();
      hubs.push(opened);
      return opened;
    };
    afterEach(async () => {
      await Promise.all(hubs.splice(0).map((opened) => opened.shutdown()));
    });

    it('creates a room that students find by its code, without the instructor key', async () => {
      const rooms = hub();
      const { room, key } = await rooms.create();
      expect(room.code).toMatch(/^[0-9A-Z]{8}$/);
      expect(key.length).toBeGreaterThanOrEqual(40);
      expect(await rooms.find(room.code)).toEqual({ code: room.code, students: 0 });
      expect(JSON.stringify(await rooms.find(room.code))).not.toContain(key);
      expect(await rooms.find('ZZZZZZZZ')).toBeUndefined();
    });

    it('authorizes the instructor’s key for its own live room only', async () => {
      const rooms = hub();
      const { room, key } = await rooms.create();
      const other = await rooms.create();
      expect(await rooms.authorize(room.code, key)).toEqual({ ok: true, value: null });
      expect(await rooms.authorize(room.code, other.key)).toEqual({ ok: false, problem: 'forbidden' });
      expect(await rooms.authorize('ZZZZZZZZ', key)).toEqual({ ok: false, problem: 'not-found' });
      await rooms.close(room.code, key);
      expect(await rooms.authorize(room.code, key)).toEqual({ ok: false, problem: 'not-found' });
    });

    it('sends each step to every subscriber in order, and keeps the latest for late joiners', async () => {
      const rooms = hub();
      const { room, key } = await rooms.create();
      const first = inbox();
      const second = inbox();
      await rooms.subscribe(room.code, 'student', first.listener);
      await rooms.subscribe(room.code, 'student', second.listener);
      for (let stepIndex = 0; stepIndex < 5; stepIndex += 1) {
        const verdict = await rooms.publish(room.code, key, { slug: 'password', stepIndex });
        expect(verdict.ok).toBe(true);
      }
      for (const box of [first, second]) {
        await box.until((message) => message.type === 'step' && message.seq === 5);
        const steps = box.messages.filter((message) => message.type === 'step');
        expect(
          steps.map((message) => (message.type === 'step' ? [message.seq, message.stepIndex] : [])),
        ).toEqual([
          [1, 0],
          [2, 1],
          [3, 2],
          [4, 3],
          [5, 4],
        ]);
      }
      expect((await rooms.find(room.code))?.step).toMatchObject({ slug: 'password', stepIndex: 4, seq: 5 });
    });

    it('carries each step’s view to every subscriber, in order, and keeps the latest for late joiners', async () => {
      const rooms = hub();
      const { room, key } = await rooms.create();
      const student = inbox();
      await rooms.subscribe(room.code, 'student', student.listener);
      const full = maskRoomView(unmaskedView());
      // A large view, then a small one, then none: each message arrives whole and in its place.
      const views = [full, { ...full, exchanges: full.exchanges.slice(-1) }, undefined];
      for (const [stepIndex, view] of views.entries()) {
        const verdict = await rooms.publish(room.code, key, {
          slug: 'authorization-code',
          stepIndex,
          ...(view ? { view } : {}),
        });
        expect(verdict.ok).toBe(true);
      }
      await student.until((message) => message.type === 'step' && message.seq === 3);
      const steps = student.messages.filter((message) => message.type === 'step');
      expect(steps.map((message) => message.seq)).toEqual([1, 2, 3]);
      expect(steps[0]).toMatchObject({ stepIndex: 0, view: full });
      expect(steps[1]).toMatchObject({ stepIndex: 1, view: views[1] });
      expect(steps[2]).not.toHaveProperty('view');
      await rooms.publish(room.code, key, { slug: 'authorization-code', stepIndex: 3, view: full });
      expect((await rooms.find(room.code))?.step).toMatchObject({ seq: 4, stepIndex: 3, view: full });
    });

    it('hears the instructor’s sign-in and consent from the servers’ trace, masked, while the page is away', async () => {
      const rooms = hub();
      const { room, key } = await rooms.create();
      const student = inbox();
      await rooms.subscribe(room.code, 'student', student.listener);
      const trace = createMemoryTraceStore();
      // The exchanges the instructor's browser published already are in its trace first.
      for (const { seq, ...event } of instructorRun)
        trace.append('instructor', { ...event, id: `old-${seq}` });
      const relay = new RoomRelay(trace, () => rooms, 60_000);
      const step = { slug: 'authorization-code', stepIndex: 1, view: maskRoomView(unmaskedView()) };
      await rooms.publish(room.code, key, step);
      relay.follow(room.code, { key, learnerId: 'instructor', run: 'instructor-run-1', step });
      const append = ({ seq, ...event }: ReturnType<typeof signInRun>[number]) => {
        void seq;
        trace.append('instructor', event);
      };
      const [authorize, loginPage, login, resume, consentPage] = signInRun();
      // Another learner's exchange, another tab's run and a back-channel call are not this room's.
      trace.append('someone-else', { ...authorize!, run: 'instructor-run-1' });
      append({ ...authorize!, run: 'another-run-22' });
      append({ ...authorize!, channel: 'back' });
      append(authorize!);
      append(loginPage!);
      const signingIn = await student.until(
        (message) =>
          message.type === 'step' &&
          message.view?.exchanges.at(-1)?.request.url.endsWith('/interaction/Zq1') === true,
      );
      if (signingIn.type !== 'step') throw new Error('not a step');
      expect(signingIn.view!.exchanges.length).toBe(step.view.exchanges.length + 2);
      expect(authorizationServerPage(signingIn.view!.exchanges)).toBe('sign-in');
      append(login!);
      append(resume!);
      append(consentPage!);
      const consenting = await student.until(
        (message) =>
          message.type === 'step' && message.view?.exchanges.length === step.view.exchanges.length + 5,
      );
      if (consenting.type !== 'step') throw new Error('not a step');
      expect(authorizationServerPage(consenting.view!.exchanges)).toBe('consent');
      expect(consenting).toMatchObject({ slug: 'authorization-code', stepIndex: 1 });
      expect(leakedSecrets(JSON.stringify(student.messages))).toEqual([]);
      // Late joiners get the relayed view; after the room closes, nothing more is relayed.
      expect((await rooms.find(room.code))?.step?.view).toEqual(consenting.view);
      const steps = () => student.messages.filter((message) => message.type === 'step');
      const before = steps().length;
      relay.end(room.code);
      append(signInRun()[5]!);
      // A step published after the relayed one arrives next: nothing was relayed in between.
      await rooms.publish(room.code, key, { slug: 'authorization-code', stepIndex: 2 });
      await student.until((message) => message.type === 'step' && message.stepIndex === 2);
      expect(steps()).toHaveLength(before + 1);
      relay.shutdown();
    });

    it('refuses a step or a close without the right key', async () => {
      const rooms = hub();
      const { room } = await rooms.create();
      expect(await rooms.publish(room.code, 'not-the-key', { slug: 'password', stepIndex: 1 })).toEqual({
        ok: false,
        problem: 'forbidden',
      });
      expect(await rooms.close(room.code, 'not-the-key')).toEqual({ ok: false, problem: 'forbidden' });
      expect(await rooms.publish('ZZZZZZZZ', 'k', { slug: 'password', stepIndex: 1 })).toEqual({
        ok: false,
        problem: 'not-found',
      });
      expect((await rooms.find(room.code))?.step).toBeUndefined();
    });

    it('counts students (not the instructor) as they come and go, and tells everyone', async () => {
      const rooms = hub();
      const { room } = await rooms.create();
      const instructor = inbox();
      await rooms.subscribe(room.code, 'instructor', instructor.listener);
      const leave = await rooms.subscribe(room.code, 'student', () => {});
      await rooms.subscribe(room.code, 'student', () => {});
      await instructor.until((message) => message.type === 'presence' && message.students === 2);
      leave();
      leave();
      await instructor.until(
        (message) =>
          message.type === 'presence' && message.students === 1 && instructor.messages.indexOf(message) > 1,
      );
      expect((await rooms.find(room.code))?.students).toBe(1);
    });

    it('tells subscribers when the instructor closes the room, which is then gone', async () => {
      const rooms = hub();
      const { room, key } = await rooms.create();
      const student = inbox();
      await rooms.subscribe(room.code, 'student', student.listener);
      expect(await rooms.close(room.code, key)).toEqual({ ok: true, value: null });
      await student.until((message) => message.type === 'closed');
      expect(await rooms.find(room.code)).toBeUndefined();
    });

    if (sharedAcrossHubs)
      it('reaches students connected to another app instance', async () => {
        const instructorSide = hub();
        const studentSide = hub();
        const { room, key } = await instructorSide.create();
        const student = inbox();
        await studentSide.subscribe(room.code, 'student', student.listener);
        const instructor = inbox();
        await instructorSide.subscribe(room.code, 'instructor', instructor.listener);
        await instructorSide.publish(room.code, key, { slug: 'implicit', stepIndex: 2 });
        expect(await student.until((message) => message.type === 'step')).toMatchObject({
          slug: 'implicit',
          stepIndex: 2,
          seq: 1,
        });
        expect(instructor.messages.find((message) => message.type === 'presence')).toEqual({
          type: 'presence',
          students: 1,
        });
      });
  });
}
