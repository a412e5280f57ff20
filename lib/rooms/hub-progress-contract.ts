import { afterEach, describe, expect, it } from 'vitest';
import { inbox } from './hub-contract';
import type { RoomHub } from './types';

/**
 * The class's progress on the challenges (./progress.ts), one behaviour for both hubs: tallied for the
 * instructor only, solved staying solved; with Redis, heard across instances.
 */
export function roomProgressContract(name: string, open: () => RoomHub, sharedAcrossHubs: boolean) {
  describe(`${name} room hub: the class's progress`, () => {
    const hubs: RoomHub[] = [];
    const hub = () => {
      const opened = open();
      hubs.push(opened);
      return opened;
    };
    afterEach(async () => {
      await Promise.all(hubs.splice(0).map((opened) => opened.shutdown()));
    });

    it('tallies the students’ challenges for the instructor only, solved staying solved', async () => {
      const rooms = hub();
      const { room } = await rooms.create();
      const instructor = inbox();
      const student = inbox();
      await rooms.subscribe(room.code, 'instructor', instructor.listener);
      await rooms.subscribe(room.code, 'student', student.listener);
      expect(await instructor.until((message) => message.type === 'progress')).toEqual({
        type: 'progress',
        progress: { seq: 0, challenges: {}, named: [] },
      });
      await rooms.report(room.code, 'ann', { slug: 'replayed-code', status: 'trying', name: 'Ann' });
      await rooms.report(room.code, 'ann', { slug: 'replayed-code', status: 'solved', name: 'Ann' });
      await rooms.report(room.code, 'bo', { slug: 'replayed-code', status: 'trying' });
      await rooms.report(room.code, 'ann', { slug: 'replayed-code', status: 'trying', name: 'Ann' });
      await rooms.report(room.code, 'ann', { slug: 'read-a-token', status: 'trying', name: 'Ann' });
      const latest = await instructor.until(
        (message) => message.type === 'progress' && message.progress.seq === 5,
      );
      expect(latest).toEqual({
        type: 'progress',
        progress: {
          seq: 5,
          challenges: { 'replayed-code': { solved: 1, trying: 1 }, 'read-a-token': { solved: 0, trying: 1 } },
          named: [{ name: 'Ann', solved: ['replayed-code'], trying: ['read-a-token'] }],
        },
      });
      // A student hears nothing of the others' progress.
      expect(student.messages.filter((message) => message.type === 'progress')).toEqual([]);
      // An instructor who comes later gets the tally at once.
      const late = inbox();
      await rooms.subscribe(room.code, 'instructor', late.listener);
      expect(await late.until((message) => message.type === 'progress')).toEqual(latest);
    });

    it('keeps no progress for a room that is gone, and forgets a name a student takes back', async () => {
      const rooms = hub();
      expect(await rooms.report('ZZZZZZZZ', 'ann', { slug: 'x', status: 'trying' })).toEqual({
        ok: false,
        problem: 'not-found',
      });
      const { room } = await rooms.create();
      const instructor = inbox();
      await rooms.subscribe(room.code, 'instructor', instructor.listener);
      await rooms.report(room.code, 'ann', { slug: 'x', status: 'trying', name: 'Ann' });
      await rooms.report(room.code, 'ann', { slug: 'x', status: 'trying' });
      expect(
        await instructor.until((message) => message.type === 'progress' && message.progress.seq === 2),
      ).toMatchObject({ progress: { challenges: { x: { solved: 0, trying: 1 } }, named: [] } });
    });

    if (sharedAcrossHubs)
      it('reaches an instructor connected to another app instance with the class’s progress', async () => {
        const instructorSide = hub();
        const studentSide = hub();
        const { room } = await instructorSide.create();
        const instructor = inbox();
        await instructorSide.subscribe(room.code, 'instructor', instructor.listener);
        await studentSide.report(room.code, 'ann', { slug: 'replayed-code', status: 'solved' });
        expect(
          await instructor.until((message) => message.type === 'progress' && message.progress.seq === 1),
        ).toMatchObject({ progress: { challenges: { 'replayed-code': { solved: 1, trying: 0 } } } });
      });
  });
}
