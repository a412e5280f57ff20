import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../testing/redis-server';
import { memoryWindowCounter, redisWindowCounter, type WindowCounter } from './window-counter';

// One contract, two backends: a limit must mean the same on one instance and on several.
function contract(name: string, make: () => { counter: WindowCounter; advance(ms: number): Promise<void> }) {
  describe(`${name} window counter`, () => {
    it('counts hits on a key until the window ends, then starts again', async () => {
      const { counter, advance } = make();
      expect(await counter.read('k')).toEqual({ count: 0, resetInMs: 0 });
      await counter.increment('k');
      const second = await counter.increment('k');
      expect(second.count).toBe(2);
      expect(second.resetInMs).toBeGreaterThan(9_000);
      expect(second.resetInMs).toBeLessThanOrEqual(10_000);
      expect((await counter.read('k')).count).toBe(2);
      await advance(10_001);
      expect((await counter.read('k')).count).toBe(0);
      expect((await counter.increment('k')).count).toBe(1);
    });

    it('keeps keys apart and forgets a key on reset', async () => {
      const { counter } = make();
      await counter.increment('a');
      await counter.increment('b');
      await counter.reset('a');
      expect((await counter.read('a')).count).toBe(0);
      expect((await counter.read('b')).count).toBe(1);
    });
  });
}

let now = 0;
contract('memory', () => {
  const counter = memoryWindowCounter(10_000, () => now);
  return { counter, advance: async (ms) => void (now += ms) };
});

let server: RedisServer;
let redis: Redis;
let prefixes = 0;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});
contract('Redis', () => ({
  counter: redisWindowCounter(redis, `test-${++prefixes}:`, 10_000),
  advance: (ms) => server.advance(ms / 1000),
}));

describe('Redis window counter', () => {
  it('is one count for every instance sharing the Redis', async () => {
    const other = new Redis(server.url);
    const first = redisWindowCounter(redis, 'shared:', 10_000);
    const second = redisWindowCounter(other, 'shared:', 10_000);
    await first.increment('k');
    expect((await second.increment('k')).count).toBe(2);
    other.disconnect();
  });
});
