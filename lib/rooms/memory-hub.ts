import { hashKey, keyMatches, newInstructorKey } from './keys';
import { newRoomCode } from './code';
import { applyReport, tally, type ProgressReport, type StudentProgress } from './progress';
import type { RoomHub, RoomInfo, RoomMessage, RoomRole, RoomStep, Verdict } from './types';

type Room = {
  keyHash: string;
  step?: RoomInfo['step'];
  seq: number;
  students: number;
  lastActive: number;
  /** Each subscriber, with its role: the class's progress goes to the instructor's only. */
  listeners: Map<(message: RoomMessage) => void, RoomRole>;
  progress: Map<string, StudentProgress>;
  progressSeq: number;
};

/**
 * Rooms in this process: one app instance, no Redis. A room expires after `ttlMs` without the
 * instructor creating it or stepping; its subscribers are told, then it is gone.
 */
export class MemoryRoomHub implements RoomHub {
  private readonly rooms = new Map<string, Room>();
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(60_000, ttlMs));
    this.sweeper.unref?.();
  }

  private live(code: string): Room | undefined {
    const room = this.rooms.get(code);
    if (room && this.now() - room.lastActive > this.ttlMs) {
      this.end(code, room, 'expired');
      return undefined;
    }
    return room;
  }

  private end(code: string, room: Room, reason: 'closed' | 'expired') {
    this.rooms.delete(code);
    for (const listener of room.listeners.keys()) listener({ type: 'closed', reason });
    room.listeners.clear();
  }

  sweep() {
    for (const code of [...this.rooms.keys()]) this.live(code);
  }

  private info(code: string, room: Room): RoomInfo {
    return { code, students: room.students, ...(room.step ? { step: room.step } : {}) };
  }

  private broadcast(room: Room, message: RoomMessage, only?: RoomRole) {
    for (const [listener, role] of room.listeners) if (!only || role === only) listener(message);
  }

  private progressOf(room: Room): RoomMessage {
    return { type: 'progress', progress: tally(room.progress.values(), room.progressSeq) };
  }

  async create() {
    let code = newRoomCode();
    while (this.rooms.has(code)) code = newRoomCode();
    const key = newInstructorKey();
    const room: Room = {
      keyHash: hashKey(key),
      seq: 0,
      students: 0,
      lastActive: this.now(),
      listeners: new Map(),
      progress: new Map(),
      progressSeq: 0,
    };
    this.rooms.set(code, room);
    return { room: this.info(code, room), key };
  }

  async find(code: string) {
    const room = this.live(code);
    return room ? this.info(code, room) : undefined;
  }

  async authorize(code: string, key: string): Promise<Verdict<null>> {
    const room = this.live(code);
    if (!room) return { ok: false, problem: 'not-found' };
    if (!keyMatches(key, room.keyHash)) return { ok: false, problem: 'forbidden' };
    return { ok: true, value: null };
  }

  async publish(code: string, key: string, step: RoomStep): Promise<Verdict<RoomInfo>> {
    const room = this.live(code);
    if (!room) return { ok: false, problem: 'not-found' };
    if (!keyMatches(key, room.keyHash)) return { ok: false, problem: 'forbidden' };
    room.seq += 1;
    room.lastActive = this.now();
    room.step = { ...step, seq: room.seq, at: room.lastActive };
    this.broadcast(room, { type: 'step', ...room.step });
    return { ok: true, value: this.info(code, room) };
  }

  async report(code: string, student: string, report: ProgressReport): Promise<Verdict<null>> {
    const room = this.live(code);
    if (!room) return { ok: false, problem: 'not-found' };
    room.progress.set(student, applyReport(room.progress.get(student), report));
    room.progressSeq += 1;
    this.broadcast(room, this.progressOf(room), 'instructor');
    return { ok: true, value: null };
  }

  async close(code: string, key: string): Promise<Verdict<null>> {
    const room = this.live(code);
    if (!room) return { ok: false, problem: 'not-found' };
    if (!keyMatches(key, room.keyHash)) return { ok: false, problem: 'forbidden' };
    this.end(code, room, 'closed');
    return { ok: true, value: null };
  }

  async subscribe(code: string, role: RoomRole, listener: (message: RoomMessage) => void) {
    const room = this.live(code);
    if (!room) {
      listener({ type: 'closed', reason: 'expired' });
      return () => {};
    }
    room.listeners.set(listener, role);
    if (role === 'student') {
      room.students += 1;
      this.broadcast(room, { type: 'presence', students: room.students });
    } else {
      listener({ type: 'presence', students: room.students });
      listener(this.progressOf(room));
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (!room.listeners.delete(listener) || role !== 'student') return;
      room.students -= 1;
      this.broadcast(room, { type: 'presence', students: room.students });
    };
  }

  async shutdown() {
    clearInterval(this.sweeper);
  }
}
