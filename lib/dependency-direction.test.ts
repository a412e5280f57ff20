import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, pointsAt, ROOT, sourceFiles } from './testing/imports';

const MACHINES = path.join(ROOT, 'machines');

describe('dependency direction', () => {
  // lib/ is what machines, components and routes build on: importing machines/ back would pull XState
  // and the walkthrough's modules into server code. Grant data reaches lib through registry/ only.
  it('no module under lib/ imports from machines/, not even types', () => {
    const offending = sourceFiles(path.join(ROOT, 'lib')).flatMap((file) =>
      importsOf(file)
        .map(({ specifier }) => ({ specifier, target: pointsAt(file, specifier) }))
        .filter(({ target }) => target === MACHINES || target?.startsWith(MACHINES + path.sep))
        .map(({ specifier }) => `${path.relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});
