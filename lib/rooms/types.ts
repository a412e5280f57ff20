/** Where the instructor is: a walkthrough and its step. Nothing else (no exchanges, no tokens) is shared. */
export type RoomStep = { slug: string; stepIndex: number };

/** What a room's subscribers receive. `seq` numbers the instructor's steps, so a gap shows a loss. */
export type RoomMessage =
  | ({ type: 'step'; seq: number; at: number } & RoomStep)
  | { type: 'presence'; students: number }
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
  publish(code: string, key: string, step: RoomStep): Promise<Verdict<RoomInfo>>;
  close(code: string, key: string): Promise<Verdict<null>>;
  /** Receives the room's messages until the returned function is called; students are counted. */
  subscribe(code: string, role: RoomRole, listener: (message: RoomMessage) => void): Promise<() => void>;
  shutdown(): Promise<void>;
}
