import { describe, expect, it } from 'vitest';
import {
  createdRoom,
  eventData,
  followedStep,
  joinedRoom,
  presenceEvent,
  relayedMessage,
} from './room-messages';

describe('a room message read where it arrives', () => {
  it('reads a step event, leaving the server’s time out', () => {
    const step = { type: 'step', slug: 'authorization-code', stepIndex: 2, seq: 5, at: 1 };
    expect(eventData(JSON.stringify(step), followedStep)).toEqual({
      slug: 'authorization-code',
      stepIndex: 2,
      seq: 5,
    });
  });

  it('reads nothing from an event that is not JSON or not of its shape', () => {
    expect(eventData('{"students":', presenceEvent)).toBeUndefined();
    expect(eventData('{"students":"many"}', presenceEvent)).toBeUndefined();
    expect(eventData(undefined, presenceEvent)).toBeUndefined();
    expect(eventData('{"students":3}', presenceEvent)).toEqual({ students: 3 });
  });

  it('reads the rooms API’s answers, and refuses one without the instructor’s key', () => {
    const created = {
      code: 'ABCD',
      display_code: 'AB-CD',
      join_url: 'http://x/join/ABCD',
      instructor_key: 'k',
    };
    expect(createdRoom.parse(created)).toEqual(created);
    expect(createdRoom.safeParse({ ...created, instructor_key: undefined }).success).toBe(false);
    expect(
      joinedRoom.parse({ code: 'ABCD', display_code: 'AB-CD', students: 0, step: null }).step,
    ).toBeNull();
  });

  it('relays only the messages a hub sends', () => {
    const closed = { code: 'ABCD', message: { type: 'closed', reason: 'expired' } };
    expect(relayedMessage.parse(closed)).toEqual(closed);
    expect(
      relayedMessage.safeParse({ code: 'ABCD', message: { type: 'closed', reason: 'bored' } }).success,
    ).toBe(false);
  });
});
