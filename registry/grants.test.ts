import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, pointsAt, resolveModule, ROOT } from '../lib/testing/imports';

/** The packages a module loads at run time, through every local module it loads (type imports vanish). */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { specifier, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      const target = pointsAt(file, specifier);
      if (target) visit(resolveModule(target));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}

describe('the grant registry', () => {
  // Server code (the authorization server's clients, the rooms API, pages) reads the registry: it must
  // stay data, so that none of them loads the walkthrough machines or a UI library.
  it('loads no XState and no React', () => {
    const loaded = packagesLoadedBy(path.join(ROOT, 'registry/grants.ts'));
    expect([...loaded].filter((name) => /^(xstate|@xstate\/|react)/.test(name))).toEqual([]);
  });
});
