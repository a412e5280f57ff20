import { randomUUID } from 'node:crypto';
import { Redis, type Result } from 'ioredis';
import { newRoomCode } from './code';
import { hashKey, keyMatches, newInstructorKey } from './keys';
import { publishedStep, relayedMessage } from './room-messages';
import type { RoomHub, RoomInfo, RoomMessage, RoomRole, RoomStep, Verdict } from './types';

const CHANNEL = 'playground:rooms';

// Stepping and counting are scripts so that the sequence number, the stored step and the broadcast
// stay in one order across instances.
// The view (./room-view.ts) arrives as JSON, masked already, and is spliced in as it is: decoding and
// encoding tens of kilobytes in Lua would hold Redis for nothing.
const PUBLISH_STEP = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
local step = { slug = ARGV[1], stepIndex = tonumber(ARGV[2]), at = tonumber(ARGV[3]), seq = seq }
local encoded = cjson.encode(step)
if ARGV[7] ~= '' then encoded = string.sub(encoded, 1, -2) .. ',"view":' .. ARGV[7] .. '}' end
redis.call('HSET', KEYS[1], 'step', encoded)
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
local message = '{"type":"step",' .. string.sub(encoded, 2)
redis.call('PUBLISH', ARGV[5], '{"code":' .. cjson.encode(ARGV[6]) .. ',"message":' .. message .. '}')
return encoded`;

const COUNT_STUDENT = `
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
local total = 0
for _, value in ipairs(redis.call('HVALS', KEYS[1])) do total = total + tonumber(value) end
redis.call('PUBLISH', ARGV[4], cjson.encode({ code = ARGV[5], message = { type = 'presence', students = total } }))
return total`;

/** The step a room keeps; one kept by an earlier version in another shape is no step. */
function keptStep(stored: string): RoomInfo['step'] {
  try {
    return publishedStep.parse(JSON.parse(stored));
  } catch {
    return undefined;
  }
}

// The scripts above, as ioredis's defineCommand adds them to a client (its documented way to type them).
declare module 'ioredis' {
  interface RedisCommander<Context> {
    publishStep(
      room: string,
      students: string,
      ...args: Array<string | number>
    ): Result<string | null, Context>;
    countStudent(students: string, room: string, ...args: Array<string | number>): Result<number, Context>;
  }
}

/**
 * Rooms shared by several app instances through Redis: the room and its step in a hash that expires
 * after inactivity, students counted per instance, and every message sent on one pub/sub channel that
 * each instance relays to its own subscribers.
 */
export class RedisRoomHub implements RoomHub {
  private readonly redis: Redis;
  private readonly subscriber: Redis;
  private readonly instance = randomUUID();
  private readonly listeners = new Map<string, Set<(message: RoomMessage) => void>>();
  private readonly ready: Promise<unknown>;

  constructor(
    url: string,
    private readonly ttlMs: number,
  ) {
    this.redis = new Redis(url, { keyPrefix: 'playground:', maxRetriesPerRequest: 2 });
    this.redis.defineCommand('publishStep', { numberOfKeys: 2, lua: PUBLISH_STEP });
    this.redis.defineCommand('countStudent', { numberOfKeys: 2, lua: COUNT_STUDENT });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: 2 });
    this.subscriber.on('message', (_channel: string, text: string) => this.relay(text));
    this.ready = this.subscriber.subscribe(CHANNEL);
  }

  private relay(text: string) {
    try {
      const { code, message } = relayedMessage.parse(JSON.parse(text));
      for (const listener of this.listeners.get(code) ?? []) listener(message);
    } catch {
      // not ours
    }
  }

  private get ttlSeconds() {
    return Math.max(1, Math.ceil(this.ttlMs / 1000));
  }

  private roomKey = (code: string) => `room:${code}`;
  private studentsKey = (code: string) => `room:${code}:students`;

  private async students(code: string): Promise<number> {
    const counts = await this.redis.hvals(this.studentsKey(code));
    return counts.reduce((sum, value) => sum + Number(value), 0);
  }

  async create() {
    const key = newInstructorKey();
    for (;;) {
      const code = newRoomCode();
      const created = await this.redis
        .multi()
        .hsetnx(this.roomKey(code), 'keyHash', hashKey(key))
        .expire(this.roomKey(code), this.ttlSeconds)
        .exec();
      if (created?.[0]?.[1] === 1) return { room: { code, students: 0 }, key };
    }
  }

  async find(code: string): Promise<RoomInfo | undefined> {
    const room = await this.redis.hgetall(this.roomKey(code));
    if (!room.keyHash) return undefined;
    return {
      code,
      students: await this.students(code),
      ...(room.step ? { step: keptStep(room.step) } : {}),
    };
  }

  async authorize(code: string, key: string): Promise<Verdict<null>> {
    const keyHash = await this.redis.hget(this.roomKey(code), 'keyHash');
    if (!keyHash) return { ok: false, problem: 'not-found' };
    if (!keyMatches(key, keyHash)) return { ok: false, problem: 'forbidden' };
    return { ok: true, value: null };
  }

  async publish(code: string, key: string, step: RoomStep): Promise<Verdict<RoomInfo>> {
    const allowed = await this.authorize(code, key);
    if (!allowed.ok) return allowed;
    const stored = await this.redis.publishStep(
      this.roomKey(code),
      this.studentsKey(code),
      step.slug,
      step.stepIndex,
      Date.now(),
      this.ttlSeconds,
      CHANNEL,
      code,
      step.view ? JSON.stringify(step.view) : '',
    );
    if (!stored) return { ok: false, problem: 'not-found' };
    return {
      ok: true,
      value: { code, step: publishedStep.parse(JSON.parse(stored)), students: await this.students(code) },
    };
  }

  async close(code: string, key: string): Promise<Verdict<null>> {
    const allowed = await this.authorize(code, key);
    if (!allowed.ok) return allowed;
    await this.redis.del(this.roomKey(code), this.studentsKey(code));
    await this.redis.publish(
      CHANNEL,
      JSON.stringify({ code, message: { type: 'closed', reason: 'closed' } }),
    );
    return { ok: true, value: null };
  }

  async subscribe(code: string, role: RoomRole, listener: (message: RoomMessage) => void) {
    await this.ready;
    if (!(await this.redis.exists(this.roomKey(code)))) {
      listener({ type: 'closed', reason: 'expired' });
      return () => {};
    }
    const local = this.listeners.get(code) ?? new Set();
    this.listeners.set(code, local);
    local.add(listener);
    const count = (delta: number) =>
      this.redis.countStudent(
        this.studentsKey(code),
        this.roomKey(code),
        this.instance,
        delta,
        this.ttlSeconds,
        CHANNEL,
        code,
      );
    if (role === 'student') await count(1);
    else listener({ type: 'presence', students: await this.students(code) });
    let done = false;
    return () => {
      if (done) return;
      done = true;
      local.delete(listener);
      if (!local.size) this.listeners.delete(code);
      if (role === 'student') void count(-1).catch(() => {});
    };
  }

  async shutdown() {
    this.subscriber.disconnect();
    this.redis.disconnect();
  }
}
