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

export class LootStore {
  readonly #byLearner = new Map<string, LootItem[]>();

  add(learnerId: string, item: LootItem) {
    const items = [...(this.#byLearner.get(learnerId) ?? []), item].slice(-PER_LEARNER);
    this.#byLearner.delete(learnerId);
    this.#byLearner.set(learnerId, items);
    if (this.#byLearner.size > LEARNERS) this.#byLearner.delete(this.#byLearner.keys().next().value!);
  }

  /** Everything the attacker holds from this learner, oldest first. */
  list(learnerId: string): LootItem[] {
    return this.#byLearner.get(learnerId) ?? [];
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
