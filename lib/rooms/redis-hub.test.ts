import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../testing/redis-server';
import { roomHubContract } from './hub-contract';
import { RedisRoomHub } from './redis-hub';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

roomHubContract('Redis', () => new RedisRoomHub(server.url, 60_000), true);

describe('Redis rooms expire', () => {
  it('when the room key expires after the time without activity', async () => {
    const rooms = new RedisRoomHub(server.url, 1000);
    const { room } = await rooms.create();
    expect(await rooms.find(room.code)).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(await rooms.find(room.code)).toBeUndefined();
    await rooms.shutdown();
  });
});
