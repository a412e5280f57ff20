import { afterEach, beforeEach, expect } from 'vitest';
import { PEER_HEADER } from '../http/peer-address';
import { installTestLearnerKey } from '../testing/learner-key';
import { MemoryRoomHub } from './memory-hub';
import { stepCountOf } from '../../app/walkthroughs';
import { createRoom, publishStep } from './routes';
import { createdRoom } from './room-messages';

/**
 * The rooms' route handlers under test: a fresh learner key, a fresh in-memory hub and fresh limits for
 * each test, and requests from a given address. Call once at the top of a test file.
 */
export function roomRoutesUnderTest() {
  const learnerKey = installTestLearnerKey();

  // The address is the socket's peer, which the server stamps in PEER_HEADER (TRUST_PROXY unset).
  const from = (address: string, init: RequestInit = {}) => ({
    ...init,
    headers: { [PEER_HEADER]: address, ...Object.fromEntries(new Headers(init.headers)) },
  });
  const request = (path: string, address = '10.0.0.1', init: RequestInit = {}) =>
    new Request(`http://localhost:3000${path}`, from(address, init));

  async function newRoom() {
    const response = await createRoom(request('/api/rooms', '10.9.9.9', { method: 'POST' }));
    expect(response.status).toBe(201);
    return createdRoom.parse(await response.json());
  }

  const step = (code: string, key: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
    publishStep(
      request(`/api/rooms/${code}/step`, '10.9.9.9', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
      code,
      stepCountOf,
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
    globalThis.playgroundRoomRelay?.shutdown();
    globalThis.playgroundRoomRelay = undefined;
    await globalThis.playgroundRoomHub?.shutdown();
    globalThis.playgroundRoomHub = undefined;
  });

  return { learnerKey, from, request, newRoom, step };
}
