/**
 * What the lab's attacker has received, per learner: kept in this process's memory only (a lab toy, not
 * a service), bounded, and shown back to the learner who caused it.
 */
export type LootKind = 'refresh_token' | 'access_token' | 'code' | 'code_verifier';

export type LootItem = {
  kind: LootKind;
  value: string;
  /** The client the stolen value belongs to (public: its id is all the attacker needs beside the token). */
  client_id?: string;
  /** A code's redirect_uri, when it is not the client's own: the token request must repeat it (RFC 6749 §4.1.3). */
  redirect_uri?: string;
  /** How the attacker came by it, in a few words. */
  how: string;
  run?: string;
  at: string;
};

const PER_LEARNER = 20;
const LEARNERS = 2000;
/** A learner's loot in bytes: a run's stolen tokens (a JWT is about 1 KB) with room to spare. */
export const MAX_LOOT_BYTES_PER_LEARNER = 32 * 1024;
/** All learners' loot together: a class of 200 with full loot is 6.4 MB. */
export const MAX_LOOT_BYTES_TOTAL = 8 * 1024 * 1024;
/** Loot is forgotten this long after the learner's newest item: long enough for a lesson. */
export const LOOT_TTL_MS = 2 * 60 * 60 * 1000;

// The item's object, its kind, times and labels: a rough but fixed cost per item.
const ITEM_OVERHEAD_BYTES = 256;
const weightOf = (item: LootItem) =>
  ITEM_OVERHEAD_BYTES +
  item.value.length +
  (item.client_id?.length ?? 0) +
  (item.redirect_uri?.length ?? 0) +
  (item.run?.length ?? 0) +
  item.how.length;

type Loot = { items: LootItem[]; bytes: number; touched: number };

export type LootStoreOptions = {
  maxBytesPerLearner?: number;
  maxBytesTotal?: number;
  ttlMs?: number;
  now?: () => number;
};

/**
 * Bounded like the trace store (lib/trace/store.ts): the newest 20 items and 32 KB per learner, 8 MB
 * for all learners (the least recently robbed learners' loot goes first), 2,000 learners, and each
 * learner's loot forgotten two hours after its newest item.
 */
export class LootStore {
  readonly #byLearner = new Map<string, Loot>();
  #bytes = 0;
  readonly #maxBytesPerLearner: number;
  readonly #maxBytesTotal: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: LootStoreOptions = {}) {
    this.#maxBytesPerLearner = options.maxBytesPerLearner ?? MAX_LOOT_BYTES_PER_LEARNER;
    this.#maxBytesTotal = options.maxBytesTotal ?? MAX_LOOT_BYTES_TOTAL;
    this.#ttlMs = options.ttlMs ?? LOOT_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  /** What all learners' loot weighs, roughly, in bytes. */
  get bytes(): number {
    return this.#bytes;
  }

  #forget(learnerId: string) {
    const loot = this.#byLearner.get(learnerId);
    if (!loot) return;
    this.#bytes -= loot.bytes;
    this.#byLearner.delete(learnerId);
  }

  #live(learnerId: string): Loot | undefined {
    const loot = this.#byLearner.get(learnerId);
    if (loot && this.#now() - loot.touched > this.#ttlMs) {
      this.#forget(learnerId);
      return undefined;
    }
    return loot;
  }

  add(learnerId: string, item: LootItem) {
    const previous = this.#live(learnerId);
    this.#forget(learnerId);
    const items = [...(previous?.items ?? []), item];
    let bytes = items.reduce((sum, each) => sum + weightOf(each), 0);
    while (items.length > 1 && (items.length > PER_LEARNER || bytes > this.#maxBytesPerLearner))
      bytes -= weightOf(items.shift()!);
    // Re-inserted last: the Map's order is least recently robbed first.
    this.#byLearner.set(learnerId, { items, bytes, touched: this.#now() });
    this.#bytes += bytes;
    for (const [other, loot] of this.#byLearner) {
      const expired = this.#now() - loot.touched > this.#ttlMs;
      const over = this.#byLearner.size > LEARNERS || this.#bytes > this.#maxBytesTotal;
      if (other === learnerId || (!expired && !over)) break;
      this.#forget(other);
    }
  }

  /** Everything the attacker holds from this learner, oldest first. */
  list(learnerId: string): LootItem[] {
    return this.#live(learnerId)?.items ?? [];
  }

  /** The newest value of a kind, from this run when the request names one. */
  newest(learnerId: string, kind: LootKind, run: string | undefined): LootItem | undefined {
    return this.list(learnerId).findLast((item) => item.kind === kind && (!run || item.run === run));
  }
}

declare global {
  var playgroundAttackerLoot: LootStore | undefined;
}

/** The one loot store of this process, shared by every route module. */
export const lootStore = (): LootStore => (globalThis.playgroundAttackerLoot ??= new LootStore());
