import { afterAll, beforeAll } from 'vitest';
import { startRedisServer, type RedisServer } from '../testing/redis-server';
import { describeAdapterContract, describeDocumentContract } from './adapter-contract';
import { openRedisStorage } from './redis';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

describeAdapterContract('Redis', async () => openRedisStorage(server.url, `test-${process.pid}:`));

describeDocumentContract('Redis', async () => openRedisStorage(server.url, `test-docs-${process.pid}:`));
