import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type Playground = {
  origin: string;
  dataDir: string;
  pid: number;
  /** What the server has printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
};

export const tempDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'playground-e2e-'));

/**
 * Starts another copy of the production build (`next start`) on `port`, for tests that restart a
 * server or run several instances. Resolves when its health check answers.
 */
export async function startPlayground(options: {
  port: number;
  dataDir?: string;
  publicOrigin?: string;
  env?: Record<string, string>;
}): Promise<Playground> {
  const dataDir = options.dataDir ?? tempDataDir();
  const origin = `http://localhost:${options.port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(options.port)],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(options.port),
        PLAYGROUND_DATA_DIR: dataDir,
        PUBLIC_ORIGIN: options.publicOrigin ?? origin,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the playground on port ${options.port} exited:\n${output}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the playground on port ${options.port} did not answer its health check:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    origin,
    dataDir,
    pid: child.pid!,
    output: () => output,
    // SIGTERM lets Next finish what it is serving; a server still draining a connection 10 s later (a
    // keep-alive socket or an event stream it has not yet found closed) is ended, since the test is over.
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** A form POST with HTTP Basic client authentication, as a confidential client sends it. */
export function postForm(
  url: string,
  fields: Record<string, string>,
  client?: { id: string; secret: string },
) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(client
        ? { authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}` }
        : {}),
    },
    body: new URLSearchParams(fields),
  });
}
