import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../lib/testing/redis-server';

/** What the benchmarks share: the production build, a server started on loopback, its memory. */
export const root = process.cwd();
export const nextBin = path.join(root, 'node_modules/next/dist/bin/next');

export function requireProductionBuild() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.error('No production build: run `npm run build` first.');
    process.exit(1);
  }
}

/** Resident memory of a process and any children it forked, in bytes, from /proc. */
export function rssOfTree(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      for (const child of fs
        .readFileSync(`/proc/${p}/task/${p}/children`, 'utf8')
        .split(/\s+/)
        .filter(Boolean)) {
        visit(Number(child));
      }
    } catch {
      // the process ended
    }
  };
  visit(pid);
  return total;
}

export type Server = { port: number; origin: string; child: ChildProcess; peakRss(): number; stop(): void };

/** Starts `command` on a free port with a fresh data directory; samples its RSS every 250 ms. */
export async function startServer(command: string[], env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-bench-'));
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: {
      ...process.env,
      PLAYGROUND_DATA_DIR: dataDir,
      PUBLIC_ORIGIN: origin,
      ...env,
      PORT: String(port),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (i === 150) {
      child.kill('SIGKILL');
      throw new Error(`${command.join(' ')} did not start`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOfTree(child.pid!))), 250);
  return {
    port,
    origin,
    child,
    peakRss: () => Math.max(peak, rssOfTree(child.pid!)),
    stop() {
      clearInterval(sampler);
      child.kill('SIGTERM');
    },
  };
}

export const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** The p-th percentile (0-100) of durations, nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const markdownTable = (header: string[], rows: string[][]) =>
  [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
