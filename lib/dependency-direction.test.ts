import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, pointsAt, ROOT, sourceFiles } from './testing/imports';

const MACHINES = path.join(ROOT, 'machines');
const REGISTRY = path.join(MACHINES, 'registry');
const ATTACK_REGISTRY = path.join(MACHINES, 'attacks', 'registry');

describe('dependency direction', () => {
  // lib/ is what machines, components and routes build on: importing machines/ back would pull XState
  // and the walkthrough's modules into server code. Grant data (the grants' demo clients, which the
  // authorization server in lib/ registers) reaches lib through the data-only registry alone; its own
  // test checks that it loads no XState and no React. The attack lab's registry is data-only too (the
  // lab's clients reach the authorization server through it) and is checked the same way.
  it('no module under lib/ imports from machines/ but the data-only registries, not even types', () => {
    const offending = sourceFiles(path.join(ROOT, 'lib')).flatMap((file) =>
      importsOf(file)
        .map(({ specifier }) => ({ specifier, target: pointsAt(file, specifier) }))
        .filter(({ target }) => target === MACHINES || target?.startsWith(MACHINES + path.sep))
        .filter(({ target }) => target !== REGISTRY && target !== ATTACK_REGISTRY)
        .map(({ specifier }) => `${path.relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});
