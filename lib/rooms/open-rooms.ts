import type { Redis } from 'ioredis';

/**
 * Rooms held open at once, per creating address and in all. A room lives until its instructor closes
 * it or it expires inside the hub, so this keeps the codes each address created and, when a bound is
 * reached, asks the hub which of them still exist before saying no. The codes are kept in a ledger:
 * in memory for one instance, in Redis when rooms are (so the bounds hold for all instances together).
 */
export const ROOMS_PER_ADDRESS = 50;
export const ROOMS_TOTAL = 1000;

export type RoomAdmission = { ok: true } | { ok: false; over: 'address' | 'total' };

/** Sets of room codes by name: one per creating address, and `ALL`. */
export interface RoomLedger {
  add(names: string[], code: string): Promise<void>;
  members(name: string): Promise<string[]>;
  size(name: string): Promise<number>;
  remove(name: string, code: string): Promise<void>;
}

/** The set of every open room; no address is written this way. */
const ALL = '*';

export function memoryRoomLedger(): RoomLedger {
  const sets = new Map<string, Set<string>>();
  return {
    async add(names, code) {
      for (const name of names) sets.set(name, (sets.get(name) ?? new Set()).add(code));
    },
    async members(name) {
      return [...(sets.get(name) ?? [])];
    },
    async size(name) {
      return sets.get(name)?.size ?? 0;
    },
    async remove(name, code) {
      const set = sets.get(name);
      set?.delete(code);
      if (set && !set.size) sets.delete(name);
    },
  };
}

/**
 * The ledger in Redis sets. A set lives a day after its last room was added, so an address that
 * never comes back leaves nothing behind; a room open longer than that is no longer counted.
 */
export function redisRoomLedger(redis: Redis, prefix = 'playground:open-rooms:'): RoomLedger {
  const LIFETIME_SECONDS = 24 * 60 * 60;
  const key = (name: string) => `${prefix}${name}`;
  return {
    async add(names, code) {
      const multi = redis.multi();
      for (const name of names) multi.sadd(key(name), code).expire(key(name), LIFETIME_SECONDS);
      await multi.exec();
    },
    members: (name) => redis.smembers(key(name)),
    size: (name) => redis.scard(key(name)),
    async remove(name, code) {
      await redis.srem(key(name), code);
    },
  };
}

export class OpenRooms {
  constructor(
    private readonly isOpen: (code: string) => Promise<boolean>,
    readonly perAddress = ROOMS_PER_ADDRESS,
    readonly overall = ROOMS_TOTAL,
    private readonly ledger: RoomLedger = memoryRoomLedger(),
  ) {}

  /** Forgets the codes of `name` whose rooms have ended; answers how many are left. */
  private async prune(name: string): Promise<number> {
    for (const code of await this.ledger.members(name)) {
      if (!(await this.isOpen(code))) await this.ledger.remove(name, code);
    }
    return this.ledger.size(name);
  }

  /** May `address` open one more room? Ended rooms are forgotten only when a bound is reached. */
  async admit(address: string): Promise<RoomAdmission> {
    if ((await this.ledger.size(ALL)) >= this.overall && (await this.prune(ALL)) >= this.overall)
      return { ok: false, over: 'total' };
    if (
      (await this.ledger.size(address)) >= this.perAddress &&
      (await this.prune(address)) >= this.perAddress
    )
      return { ok: false, over: 'address' };
    return { ok: true };
  }

  async opened(address: string, code: string): Promise<void> {
    await this.ledger.add([address, ALL], code);
  }
}
