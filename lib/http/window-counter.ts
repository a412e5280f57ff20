import { Redis } from 'ioredis';
import { readEnv } from '../config/env';

/**
 * Fixed-window counters for rate limits: a count per key that starts at the first hit and vanishes
 * `windowMs` later. In memory for one instance; in Redis when `REDIS_URL` is set, so that every
 * instance behind a load balancer counts against the same limit.
 */
export type WindowCount = { count: number; resetInMs: number };

export interface WindowCounter {
  /** Counts one hit on `key`; answers the count so far in its window. */
  increment(key: string): Promise<WindowCount>;
  read(key: string): Promise<WindowCount>;
  reset(key: string): Promise<void>;
}

export function memoryWindowCounter(windowMs: number, now: () => number = Date.now): WindowCounter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  const current = (key: string) => {
    const window = windows.get(key);
    if (window && window.endsAt > now()) return window;
    windows.delete(key);
    return undefined;
  };
  const answer = (window: { count: number; endsAt: number } | undefined): WindowCount =>
    window ? { count: window.count, resetInMs: window.endsAt - now() } : { count: 0, resetInMs: 0 };
  return {
    async increment(key) {
      const window = current(key) ?? { count: 0, endsAt: now() + windowMs };
      window.count += 1;
      windows.set(key, window);
      // Expired windows are dropped as the map grows, so a flood of keys cannot outgrow memory.
      if (windows.size > 10_000) for (const other of [...windows.keys()]) current(other);
      return answer(window);
    },
    async read(key) {
      return answer(current(key));
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}

// INCR and the window's expiry in one step, so two instances never both start a window.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

export function redisWindowCounter(redis: Redis, prefix: string, windowMs: number): WindowCounter {
  const key = (name: string) => `${prefix}${name}`;
  return {
    async increment(name) {
      const [count, ttl] = (await redis.eval(INCREMENT, 1, key(name), windowMs)) as [number, number];
      return { count, resetInMs: Math.max(0, ttl) };
    },
    async read(name) {
      const [[, count], [, ttl]] = (await redis.multi().get(key(name)).pttl(key(name)).exec()) as [
        [unknown, string | null],
        [unknown, number],
      ];
      return count ? { count: Number(count), resetInMs: Math.max(0, ttl) } : { count: 0, resetInMs: 0 };
    },
    async reset(name) {
      await redis.del(key(name));
    },
  };
}

declare global {
  var playgroundLimitRedis: Redis | undefined;
}

/** The connection the limits share (REDIS_URL must be set). */
export function limitRedis(): Redis {
  globalThis.playgroundLimitRedis ??= new Redis(readEnv().redisUrl!, { maxRetriesPerRequest: 2 });
  return globalThis.playgroundLimitRedis;
}

/** A counter for one limit (`name`), shared through Redis when `REDIS_URL` is set. */
export function sharedWindowCounter(name: string, windowMs: number): WindowCounter {
  if (!readEnv().redisUrl) return memoryWindowCounter(windowMs);
  return redisWindowCounter(limitRedis(), `playground:limit:${name}:`, windowMs);
}
