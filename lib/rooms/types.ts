import type { ProgressReport, RoomProgress } from './progress';
import type { RoomView } from './room-view';

/**
 * Where the instructor is: a walkthrough and its step, and what the instructor's screen shows of it
 * (the newest exchanges and the step's request, masked: ./room-view.ts). No secret is shared.
 */
export type RoomStep = { slug: string; stepIndex: number; view?: RoomView };

/** What a room's subscribers receive. `seq` numbers the instructor's publications, so a gap shows a loss. */
export type RoomMessage =
  | ({ type: 'step'; seq: number; at: number } & RoomStep)
  | { type: 'presence'; students: number }
  /** The class's progress on the challenges: to the instructor only. */
  | { type: 'progress'; progress: RoomProgress }
  | { type: 'closed'; reason: 'closed' | 'expired' };

export type RoomInfo = {
  code: string;
  step?: RoomStep & { seq: number; at: number };
  students: number;
};

export type RoomRole = 'student' | 'instructor';

export type Verdict<T> = { ok: true; value: T } | { ok: false; problem: 'not-found' | 'forbidden' };

/**
 * Rooms live here: in this process, or in Redis (several app instances, pub/sub between them). The
 * instructor's key is known only to the instructor's browser; the hub keeps its hash.
 */
export interface RoomHub {
  create(): Promise<{ room: RoomInfo; key: string }>;
  find(code: string): Promise<RoomInfo | undefined>;
  /** Whether `key` is the instructor's key of this live room (its stream, its steps, its end). */
  authorize(code: string, key: string): Promise<Verdict<null>>;
  publish(code: string, key: string, step: RoomStep): Promise<Verdict<RoomInfo>>;
  close(code: string, key: string): Promise<Verdict<null>>;
  /**
   * A student's graded check, kept under the student's room id (./progress.ts); the room's tally then
   * goes to its instructor's subscribers, and to nobody else.
   */
  report(code: string, student: string, report: ProgressReport): Promise<Verdict<null>>;
  /** Receives the room's messages until the returned function is called; students are counted. */
  subscribe(code: string, role: RoomRole, listener: (message: RoomMessage) => void): Promise<() => void>;
  shutdown(): Promise<void>;
}
