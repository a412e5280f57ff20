import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredSlugs } from '../e2e/support/registered-slugs.mjs';
import { ATTACKS } from './attacks/registry';
import { GRANTS } from './registry';

const MACHINES = import.meta.dirname;
const ROOT = path.join(MACHINES, '..');
const RECORD =
  'next start -p 3241 (PUBLIC_ORIGIN=http://localhost:3241), then node e2e/support/record-exchanges.mjs http://localhost:3241';

/** The files README's "Adding a grant" and "Adding an attack" list, missing from a folder, each with how to make it. */
function missingFiles(folder: string, slug: string, files: readonly string[]): string[] {
  return files
    .filter((file) => !fs.existsSync(path.join(folder, file)))
    .map((file) =>
      file.startsWith('recorded-exchanges')
        ? `${path.relative(ROOT, path.join(folder, file))}: record it with ${RECORD} ${slug}`
        : path.relative(ROOT, path.join(folder, file)),
    );
}

const GRANT_FILES = ['steps.ts', 'machine.test.ts', 'recorded-exchanges.json'] as const;
const SCENARIO_FILES = [
  'steps.ts',
  'clients.ts',
  'machine.test.ts',
  'recorded-exchanges.json',
  'recorded-exchanges.defended.json',
] as const;

describe('one grant = one folder, one attack = one folder', () => {
  it('gives every registered grant its folder, named after its slug, with the files README lists', () => {
    const missing = GRANTS.flatMap((grant) =>
      missingFiles(path.join(MACHINES, grant.slug), grant.slug, GRANT_FILES),
    );
    expect(missing).toEqual([]);
  });

  it('gives every registered scenario its folder, named after its slug, with the files README lists', () => {
    const missing = ATTACKS.flatMap((attack) =>
      missingFiles(path.join(MACHINES, 'attacks', attack.slug), attack.slug, SCENARIO_FILES),
    );
    expect(missing).toEqual([]);
  });

  it('names the command that records a missing recording', () => {
    expect(missingFiles(path.join(MACHINES, 'no-such-grant'), 'no-such-grant', GRANT_FILES)).toEqual([
      'machines/no-such-grant/steps.ts',
      'machines/no-such-grant/machine.test.ts',
      `machines/no-such-grant/recorded-exchanges.json: record it with ${RECORD} no-such-grant`,
    ]);
  });

  it('has the exchange recorder read the same grants and scenarios as the registries', () => {
    const { grants, scenarios } = registeredSlugs(ROOT);
    expect([...grants].sort()).toEqual(GRANTS.map((grant) => grant.slug).sort());
    expect([...scenarios].sort()).toEqual(ATTACKS.map((attack) => attack.slug).sort());
  });
});
