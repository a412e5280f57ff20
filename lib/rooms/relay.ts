import type { TraceStore } from '../trace/store';
import type { TraceEvent } from '../trace/types';
import { ROOM_EXCHANGES, withExchanges, type RoomView } from './room-view';
import type { RoomHub, RoomStep } from './types';

/**
 * While the instructor signs in and consents, the instructor's browser is on the authorization
 * server's pages: the walkthrough page that tells the room what its screen shows is gone until the
 * redirect brings it back. The servers record those front-channel exchanges in the instructor's trace
 * (the authorization request, the sign-in and consent pages and their forms); the relay adds each,
 * masked as the rest of the view (./room-view.ts), to the view the instructor's browser last sent, and
 * publishes it, so followers read where the instructor is as it happens. Back-channel exchanges are
 * the walkthrough page's to publish: it is on screen when they are sent.
 */
export type RelayedRoom = {
  key: string;
  learnerId: string;
  /** The instructor's run (lib/trace/run.ts): another tab's exchanges are not this room's. */
  run?: string;
  step: RoomStep;
};

const EMPTY: RoomView = { exchanges: [], total: 0, values: {}, tokens: {} };

type Following = RelayedRoom & {
  stop(): void;
  idle: ReturnType<typeof setTimeout>;
  /** What the relay added, newest last: a view the browser sent before it saw them is caught up. */
  relayed: TraceEvent[];
};

export class RoomRelay {
  private readonly rooms = new Map<string, Following>();
  // Publications of one room go one after another, in the order the trace recorded them.
  private queue = Promise.resolve();

  constructor(
    private readonly trace: TraceStore,
    private readonly hub: () => RoomHub,
    /** Following ends after this long without a step from the instructor's browser (a room's TTL). */
    private readonly idleMs: number,
  ) {}

  /** The instructor's browser published `step`: relay what the servers record for its run from here. */
  follow(code: string, room: RelayedRoom): void {
    const current = this.rooms.get(code);
    if (current && current.learnerId === room.learnerId) {
      clearTimeout(current.idle);
      Object.assign(current, room, { idle: this.expire(code) });
      return;
    }
    this.end(code);
    const following: Following = {
      ...room,
      stop: this.trace.subscribe(room.learnerId, (event) => this.relay(code, event)),
      idle: this.expire(code),
      relayed: [],
    };
    this.rooms.set(code, following);
  }

  /**
   * The view the instructor's browser sends, with the exchanges the relay already told the room of and
   * the view lacks. The browser's step for the authorization request can reach the server after the
   * request itself, and the sign-in page's after it (a busy server): published as sent, it would take
   * from the students what they had just seen.
   */
  caughtUp(code: string, learnerId: string, run: string | undefined, view: RoomView): RoomView {
    const following = this.rooms.get(code);
    if (!following || following.learnerId !== learnerId) return view;
    return withExchanges(
      view,
      following.relayed.filter((event) => !run || !event.run || event.run === run),
    );
  }

  /** The room ended, or its instructor left it: nothing more is relayed. */
  end(code: string): void {
    const following = this.rooms.get(code);
    if (!following) return;
    this.rooms.delete(code);
    clearTimeout(following.idle);
    following.stop();
  }

  /** Ends every room's relay (the process shuts down, a test ends). */
  shutdown(): void {
    for (const code of [...this.rooms.keys()]) this.end(code);
  }

  private expire(code: string) {
    const timer = setTimeout(() => this.end(code), this.idleMs);
    timer.unref?.();
    return timer;
  }

  private relay(code: string, event: TraceEvent) {
    const following = this.rooms.get(code);
    if (!following || event.channel !== 'front') return;
    if (following.run && event.run && event.run !== following.run) return;
    const view = withExchanges(following.step.view ?? EMPTY, [event]);
    if (view === following.step.view) return;
    following.step = { ...following.step, view };
    following.relayed = [...following.relayed, event].slice(-ROOM_EXCHANGES);
    const { key, step } = following;
    this.queue = this.queue
      .then(() => this.hub().publish(code, key, step))
      .then((verdict) => {
        if (!verdict.ok) this.end(code);
      })
      .catch((error: unknown) => {
        console.error('[rooms] relaying an exchange failed:', error instanceof Error ? error.message : error);
      });
  }
}
