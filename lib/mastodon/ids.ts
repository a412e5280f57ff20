import type { OidcStorage } from '../storage';

/**
 * Mastodon-style ids, made Snowflake-style so that several instances sharing one Redis never make the
 * same one: 16 digits, `TTTTTTTTTT IIII SS`, read as
 * - T: tenths of a second since 2020-01-01 (10 digits from 2023 to 2048),
 * - I: this instance's part, taken from a counter in the shared storage when the instance makes its
 *   first id, so instances sharing one Redis differ until 10,000 of them have started,
 * - S: a sequence within the tenth of a second (100 of them; past that, the next tenth is borrowed).
 * Fixed length, so string order is numeric order, and below 2^53, so Redis scores hold them exactly.
 * Ids of one instance increase strictly; across instances they are ordered to the tenth of a second.
 */
const EPOCH_MS = Date.UTC(2020, 0, 1);
const TICK_MS = 100;
const INSTANCE_PARTS = 10_000;
const SEQUENCE = 100;

export function idGenerator(instance: number, now: () => number = Date.now) {
  if (!Number.isInteger(instance) || instance < 0 || instance >= INSTANCE_PARTS)
    throw new RangeError(`The instance part is a number from 0 to ${INSTANCE_PARTS - 1}`);
  // Ticks times SEQUENCE plus the sequence: one counter, so that a full tick rolls into the next.
  let last = 0;
  return (): string => {
    last = Math.max(Math.floor((now() - EPOCH_MS) / TICK_MS) * SEQUENCE, last + 1);
    const tick = Math.floor(last / SEQUENCE);
    const id = (tick * INSTANCE_PARTS + instance) * SEQUENCE + (last % SEQUENCE);
    if (!Number.isSafeInteger(id)) throw new RangeError('Status ids have outgrown 2^53 (after 2048)');
    return String(id);
  };
}

const generators = new WeakMap<OidcStorage, Promise<() => string>>();

/** The next id of this instance, whose part of the id `storage` hands out once per process. */
export async function nextId(storage: OidcStorage): Promise<string> {
  let generator = generators.get(storage);
  if (!generator) {
    generator = storage.increment('id-instance-part').then((n) => idGenerator((n - 1) % INSTANCE_PARTS));
    // A failed claim is not remembered: the next id tries again.
    generator.catch(() => generators.delete(storage));
    generators.set(storage, generator);
  }
  return (await generator)();
}
