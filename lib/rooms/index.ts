import { readEnv } from '../config/env';
import { RegistrationLimit } from '../mastodon/registration-limit';
import { limitRedis, sharedWindowCounter } from '../http/window-counter';
import { LearnerThrottle, type ThrottleLimits } from '../http/learner-throttle';
import { MemoryRoomHub } from './memory-hub';
import { memoryRoomLedger, OpenRooms, redisRoomLedger, ROOMS_PER_ADDRESS, ROOMS_TOTAL } from './open-rooms';
import { RedisRoomHub } from './redis-hub';
import { RoomRelay } from './relay';
import { traceStore } from '../trace';
import type { RoomHub } from './types';

declare global {
  var playgroundRoomHub: RoomHub | undefined;
  var playgroundRoomJoinLimit: LearnerThrottle | undefined;
  var playgroundRoomCreationLimit: RegistrationLimit | undefined;
  var playgroundOpenRooms: OpenRooms | undefined;
  var playgroundRoomRelay: RoomRelay | undefined;
}

/** The process's rooms: through Redis when REDIS_URL is set (several instances), in memory otherwise. */
export function roomHub(): RoomHub {
  if (!globalThis.playgroundRoomHub) {
    const env = readEnv();
    const ttlMs = env.roomTtlMinutes * 60_000;
    globalThis.playgroundRoomHub = env.redisUrl
      ? new RedisRoomHub(env.redisUrl, ttlMs)
      : new MemoryRoomHub(ttlMs);
  }
  return globalThis.playgroundRoomHub;
}

/** The instructor's front-channel exchanges, relayed to the room while the walkthrough page is away (./relay.ts). */
export function roomRelay(): RoomRelay {
  globalThis.playgroundRoomRelay ??= new RoomRelay(traceStore(), roomHub, readEnv().roomTtlMinutes * 60_000);
  return globalThis.playgroundRoomRelay;
}

/**
 * Guessing join codes, counted as sign-ins are: after 20 wrong codes in 10 minutes from one learner
 * (or, without a learner id, from one address), that learner waits, even with a right code (otherwise
 * a right guess would still stand out). An address has a ceiling of 200 wrong codes, so a class behind
 * one NAT with a few typos is never slowed down, and a script rotating learner ids still is: 200
 * guesses in 10 minutes against 2^40 codes.
 */
export const JOIN_LIMITS: ThrottleLimits = { perLearner: 20, perAddress: 200 };

export function roomJoinLimit(): LearnerThrottle {
  globalThis.playgroundRoomJoinLimit ??= new LearnerThrottle(
    sharedWindowCounter('room-join', 10 * 60 * 1000),
    JOIN_LIMITS,
  );
  return globalThis.playgroundRoomJoinLimit;
}

/** Rooms live in memory or Redis: 30 new rooms per address every 10 minutes is plenty for a school. */
export function roomCreationLimit(): RegistrationLimit {
  globalThis.playgroundRoomCreationLimit ??= new RegistrationLimit(
    30,
    sharedWindowCounter('room-creation', 10 * 60 * 1000),
  );
  return globalThis.playgroundRoomCreationLimit;
}

/** Rooms open at once, per address and in all (see open-rooms.ts); through Redis when rooms are. */
export function openRooms(): OpenRooms {
  const { redisUrl } = readEnv();
  globalThis.playgroundOpenRooms ??= new OpenRooms(
    async (code) => (await roomHub().find(code)) !== undefined,
    ROOMS_PER_ADDRESS,
    ROOMS_TOTAL,
    redisUrl ? redisRoomLedger(limitRedis()) : memoryRoomLedger(),
  );
  return globalThis.playgroundOpenRooms;
}
