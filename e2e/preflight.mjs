// Stops the test run at once, with the command to fix it, when a prerequisite is missing.
import { spawnSync } from 'node:child_process';
import { isSupported, MINIMUM } from '../.ci/node-runtime.mjs';
import { resolveChromium } from './support/chromium.mjs';

const problems = [];
if (!isSupported(process.versions.node)) {
  problems.push(
    `Node.js ${process.version} is too old (${MINIMUM.join('.')} or later is needed). Run the tests with npm test: ` +
      '`npm ci` provisions Node.js 24 for npm scripts on older machines.',
  );
} else {
  console.log(`tests run on Node.js ${process.version}`);
}
try {
  const { executablePath, source } = await resolveChromium();
  console.log(`browser tests: Chromium from ${source}${executablePath ? ` (${executablePath})` : ''}`);
} catch (error) {
  problems.push(error.message);
}
if (spawnSync('redis-server', ['--version']).error) {
  problems.push(
    'redis-server is not installed; the Redis adapter tests need it. Install it with: sudo apt-get install -y redis-server',
  );
}
if (problems.length) {
  console.error(`\nCannot run the tests:\n- ${problems.join('\n- ')}\n`);
  process.exit(1);
}
