// `npm test`: every check, in order, each phase timed, so a slow answer says where its time went.
// The prerequisites are checked first: a missing browser or redis-server stops the run at once.
import { spawnSync } from 'node:child_process';

const PHASES = [
  ['prerequisites', 'node e2e/preflight.mjs'],
  ['lint', 'npm run --silent lint'],
  ['types', 'npm run --silent typecheck'],
  ['unit tests', 'npm run --silent test:unit'],
  ['production build', 'next build'],
  ['browser tests', 'playwright test -c e2e'],
];

const times = [];
const summary = () =>
  times.map(([name, seconds]) => `  ${name.padEnd(18)} ${seconds.toFixed(1).padStart(7)} s`).join('\n');

for (const [name, command] of PHASES) {
  console.log(`\n== ${name}: ${command}`);
  const started = performance.now();
  const { status, signal } = spawnSync(command, { shell: true, stdio: 'inherit' });
  times.push([name, (performance.now() - started) / 1000]);
  if (status !== 0) {
    console.error(`\n${name} failed (${signal ?? `exit ${status}`}). Time per phase:\n${summary()}`);
    process.exit(status || 1);
  }
}
const total = times.reduce((sum, [, seconds]) => sum + seconds, 0);
console.log(
  `\nAll checks passed. Time per phase:\n${summary()}\n  ${'total'.padEnd(18)} ${total.toFixed(1).padStart(7)} s`,
);
