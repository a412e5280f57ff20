import { randomUUID } from 'node:crypto';
import { Redis, type Result } from 'ioredis';
import { newRoomCode } from './code';
import { hashKey, keyMatches, newInstructorKey } from './keys';
import { storedStudent, tally, type ProgressReport, type StudentProgress } from './progress';
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

// A student's report, applied where it is kept so that two instances cannot lose one: solved stays
// solved, the name is the latest report's. Answers the room's new progress number.
const REPORT_PROGRESS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local raw = redis.call('HGET', KEYS[2], ARGV[1])
local student = { statuses = {} }
if raw then student = cjson.decode(raw) end
if student.statuses[ARGV[2]] ~= 'solved' then student.statuses[ARGV[2]] = ARGV[3] end
if ARGV[4] ~= '' then student.name = ARGV[4] else student.name = nil end
redis.call('HSET', KEYS[2], ARGV[1], cjson.encode(student))
redis.call('EXPIRE', KEYS[2], ARGV[5])
return redis.call('HINCRBY', KEYS[1], 'progressSeq', 1)`;

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
    reportProgress(
      room: string,
      progress: string,
      ...args: Array<string | number>
    ): Result<number | null, Context>;
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
  /** Each room's subscribers on this instance, with their roles: progress goes to instructors only. */
  private readonly listeners = new Map<string, Map<(message: RoomMessage) => void, RoomRole>>();
  private readonly ready: Promise<unknown>;

  constructor(
    url: string,
    private readonly ttlMs: number,
  ) {
    this.redis = new Redis(url, { keyPrefix: 'playground:', maxRetriesPerRequest: 2 });
    this.redis.defineCommand('publishStep', { numberOfKeys: 2, lua: PUBLISH_STEP });
    this.redis.defineCommand('countStudent', { numberOfKeys: 2, lua: COUNT_STUDENT });
    this.redis.defineCommand('reportProgress', { numberOfKeys: 2, lua: REPORT_PROGRESS });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: 2 });
    this.subscriber.on('message', (_channel: string, text: string) => this.relay(text));
    this.ready = this.subscriber.subscribe(CHANNEL);
  }

  private relay(text: string) {
    try {
      const { code, message } = relayedMessage.parse(JSON.parse(text));
      for (const [listener, role] of this.listeners.get(code) ?? [])
        if (message.type !== 'progress' || role === 'instructor') listener(message);
    } catch {
      // not ours
    }
  }

  private get ttlSeconds() {
    return Math.max(1, Math.ceil(this.ttlMs / 1000));
  }

  private roomKey = (code: string) => `room:${code}`;
  private studentsKey = (code: string) => `room:${code}:students`;
  private progressKey = (code: string) => `room:${code}:progress`;

  /** The room's tally, from what Redis keeps of each student (a malformed entry is left out). */
  private async progress(code: string, seq?: number): Promise<RoomMessage> {
    const [students, stored] = await Promise.all([
      this.redis.hvals(this.progressKey(code)),
      seq === undefined ? this.redis.hget(this.roomKey(code), 'progressSeq') : undefined,
    ]);
    const kept = students.flatMap((raw): StudentProgress[] => {
      try {
        const read = storedStudent.safeParse(JSON.parse(raw));
        return read.success ? [read.data] : [];
      } catch {
        return [];
      }
    });
    return { type: 'progress', progress: tally(kept, seq ?? Number(stored ?? 0)) };
  }

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

  async report(code: string, student: string, report: ProgressReport): Promise<Verdict<null>> {
    const seq = await this.redis.reportProgress(
      this.roomKey(code),
      this.progressKey(code),
      student,
      report.slug,
      report.status,
      report.name ?? '',
      this.ttlSeconds,
    );
    if (seq === null) return { ok: false, problem: 'not-found' };
    await this.redis.publish(CHANNEL, JSON.stringify({ code, message: await this.progress(code, seq) }));
    return { ok: true, value: null };
  }

  async close(code: string, key: string): Promise<Verdict<null>> {
    const allowed = await this.authorize(code, key);
    if (!allowed.ok) return allowed;
    await this.redis.del(this.roomKey(code), this.studentsKey(code), this.progressKey(code));
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
    const local = this.listeners.get(code) ?? new Map();
    this.listeners.set(code, local);
    local.set(listener, role);
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
    else {
      listener({ type: 'presence', students: await this.students(code) });
      listener(await this.progress(code));
    }
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
