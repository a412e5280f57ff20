import { describe, expect, it } from 'vitest';
import { inbox, roomHubContract } from './hub-contract';
import { roomProgressContract } from './hub-progress-contract';
import { MemoryRoomHub } from './memory-hub';

roomHubContract('in-process', () => new MemoryRoomHub(60_000), false);
roomProgressContract('in-process', () => new MemoryRoomHub(60_000), false);

describe('in-process rooms expire', () => {
  it('after the time without the instructor stepping, and subscribers are told', async () => {
    let now = 1_000_000;
    const rooms = new MemoryRoomHub(60_000, () => now);
    const { room, key } = await rooms.create();
    const student = inbox();
    await rooms.subscribe(room.code, 'student', student.listener);
    now += 50_000;
    await rooms.publish(room.code, key, { slug: 'password', stepIndex: 0 });
    now += 50_000;
    expect(await rooms.find(room.code)).toBeDefined();
    now += 20_000;
    rooms.sweep();
    expect(student.messages.at(-1)).toEqual({ type: 'closed', reason: 'expired' });
    expect(await rooms.find(room.code)).toBeUndefined();
    await rooms.shutdown();
  });
});
