import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../testing/redis-server';
import { memoryRoomLedger, OpenRooms, redisRoomLedger, type RoomLedger } from './open-rooms';

let server: RedisServer;
const connections: Redis[] = [];
let prefixes = 0;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(connections.map((redis) => redis.quit()));
  await server?.stop();
});

/** A Redis ledger on its own prefix (a fresh count), or a second one on the same prefix (another instance). */
function redisLedger(prefix = `test-${prefixes++}:`): RoomLedger & { prefix: string } {
  const redis = new Redis(server.url);
  connections.push(redis);
  return Object.assign(redisRoomLedger(redis, prefix), { prefix });
}

const ledgers: Array<[string, () => RoomLedger]> = [
  ['in memory', memoryRoomLedger],
  ['in Redis', () => redisLedger()],
];

describe.each(ledgers)('rooms open at once, counted %s', (_, ledger) => {
  it('refuses an address more rooms than perAddress while they are open', async () => {
    const open = new Set<string>();
    const rooms = new OpenRooms(async (code) => open.has(code), 2, 10, ledger());
    for (const code of ['A', 'B']) {
      expect(await rooms.admit('1.2.3.4')).toEqual({ ok: true });
      await rooms.opened('1.2.3.4', code);
      open.add(code);
    }
    expect(await rooms.admit('1.2.3.4')).toEqual({ ok: false, over: 'address' });
    expect(await rooms.admit('5.6.7.8')).toEqual({ ok: true });
  });

  it('lets an address open another room once one of its rooms has ended', async () => {
    const open = new Set(['A', 'B']);
    const rooms = new OpenRooms(async (code) => open.has(code), 2, 10, ledger());
    await rooms.opened('1.2.3.4', 'A');
    await rooms.opened('1.2.3.4', 'B');
    expect(await rooms.admit('1.2.3.4')).toEqual({ ok: false, over: 'address' });
    open.delete('A');
    expect(await rooms.admit('1.2.3.4')).toEqual({ ok: true });
  });

  it('refuses everyone once `overall` rooms are open', async () => {
    const open = new Set(['A', 'B', 'C']);
    const rooms = new OpenRooms(async (code) => open.has(code), 5, 3, ledger());
    await rooms.opened('1.1.1.1', 'A');
    await rooms.opened('2.2.2.2', 'B');
    await rooms.opened('3.3.3.3', 'C');
    expect(await rooms.admit('4.4.4.4')).toEqual({ ok: false, over: 'total' });
    open.delete('B');
    expect(await rooms.admit('4.4.4.4')).toEqual({ ok: true });
  });
});

describe('rooms open at once, with REDIS_URL', () => {
  it('are counted for every instance together', async () => {
    const open = new Set(['A', 'B']);
    const first = redisLedger();
    const second = redisLedger(first.prefix);
    const isOpen = async (code: string) => open.has(code);
    const [instanceA, instanceB] = [new OpenRooms(isOpen, 2, 3, first), new OpenRooms(isOpen, 2, 3, second)];
    await instanceA.opened('1.2.3.4', 'A');
    await instanceB.opened('1.2.3.4', 'B');
    expect(await instanceA.admit('1.2.3.4')).toEqual({ ok: false, over: 'address' });
    await instanceB.opened('5.6.7.8', 'C');
    open.add('C');
    expect(await instanceA.admit('9.9.9.9')).toEqual({ ok: false, over: 'total' });
  });
});
