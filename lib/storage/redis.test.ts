import { afterAll, beforeAll } from 'vitest';
import { startRedisServer, type RedisServer } from '../testing/redis-server';
import { describeAdapterContract, describeDocumentContract, type StorageUnderTest } from './adapter-contract';
import { openRedisStorage } from './redis';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

// Redis expires keys itself, so time must pass for the server too: server.advance shortens every TTL.
const redis = (prefix: string): StorageUnderTest => ({
  open: async (now) => openRedisStorage(server.url, { prefix, now }),
  advance: (seconds) => server.advance(seconds),
});

describeAdapterContract('Redis', redis(`test-${process.pid}:`));

describeDocumentContract('Redis', redis(`test-docs-${process.pid}:`));
