import { randomInt } from 'node:crypto';

/**
 * Mastodon-style ids, made Snowflake-style so that several instances sharing one Redis never make the
 * same one: 16 digits, `TTTTTTTTTT IIII SS`, read as
 * - T: tenths of a second since 2020-01-01 (10 digits from 2023 to 2048),
 * - I: this instance's part, drawn at random when the process starts (1 in 10,000 that two match),
 * - S: a sequence within the tenth of a second (100 of them; past that, the next tenth is borrowed).
 * Fixed length, so string order is numeric order, and below 2^53, so Redis scores hold them exactly.
 * Ids of one instance increase strictly; across instances they are ordered to the tenth of a second.
 */
const EPOCH_MS = Date.UTC(2020, 0, 1);
const TICK_MS = 100;
const INSTANCE_PARTS = 10_000;
const SEQUENCE = 100;

export function idGenerator(instance = randomInt(INSTANCE_PARTS), now: () => number = Date.now) {
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

/** The next id of this process. */
export const nextId = idGenerator();
