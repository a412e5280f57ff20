import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../testing/redis-server';
import { roomHubContract } from './hub-contract';
import { roomProgressContract } from './hub-progress-contract';
import { RedisRoomHub } from './redis-hub';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

roomHubContract('Redis', () => new RedisRoomHub(server.url, 60_000), true);
roomProgressContract('Redis', () => new RedisRoomHub(server.url, 60_000), true);

// Redis expires rooms on its own clock; server.advance brings every key's TTL nearer instead of waiting.
describe('Redis rooms expire', () => {
  it('when the room key expires after the time without activity', async () => {
    const rooms = new RedisRoomHub(server.url, 60_000);
    const { room } = await rooms.create();
    expect(await rooms.find(room.code)).toBeDefined();
    await server.advance(59);
    expect(await rooms.find(room.code)).toBeDefined();
    await server.advance(1);
    expect(await rooms.find(room.code)).toBeUndefined();
    await rooms.shutdown();
  });

  it('counting from the instructor’s last step', async () => {
    const rooms = new RedisRoomHub(server.url, 60_000);
    const { room, key } = await rooms.create();
    await server.advance(50);
    await rooms.publish(room.code, key, { slug: 'password', stepIndex: 0 });
    await server.advance(59);
    expect(await rooms.find(room.code)).toBeDefined();
    await server.advance(1);
    expect(await rooms.find(room.code)).toBeUndefined();
    await rooms.shutdown();
  });
});
