import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { Redis } from 'ioredis';

/** A free TCP port on loopback, chosen by the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type RedisServer = {
  url: string;
  /** Moves the server's time on by `seconds`, as far as expiry goes; see PASS_TIME. */
  advance(seconds: number): Promise<void>;
  stop(): Promise<void>;
};

// Redis expires keys on its own clock, which cannot be set. What a test can do is bring every
// deadline nearer by the time it pretends has passed: each key with a TTL gets that TTL less ARGV[1]
// milliseconds, and a key whose TTL runs out goes, as Redis would drop it. Keys without a TTL stay,
// so an entry stored without one (or with one too long) is still there, as it would be.
const PASS_TIME = `
local passed = tonumber(ARGV[1])
local cursor = '0'
repeat
  local page = redis.call('SCAN', cursor, 'COUNT', 1000)
  cursor = page[1]
  for _, key in ipairs(page[2]) do
    local left = redis.call('PTTL', key)
    if left > passed then redis.call('PEXPIRE', key, left - passed)
    elseif left >= 0 then redis.call('DEL', key) end
  end
until cursor == '0'`;

/**
 * Starts a throwaway `redis-server` on a free loopback port (no persistence), for tests.
 * A missing binary stops the run with the command that installs it, rather than skipping.
 */
export async function startRedisServer(): Promise<RedisServer> {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server is not installed. Install it with: sudo apt-get install -y redis-server');
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  const url = `redis://127.0.0.1:${port}`;
  const admin = new Redis(url, { lazyConnect: true });
  return {
    url,
    async advance(seconds) {
      await admin.eval(PASS_TIME, 0, seconds * 1000);
    },
    stop: () =>
      new Promise((resolve) => {
        admin.disconnect();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
