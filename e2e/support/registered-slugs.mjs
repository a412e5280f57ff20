// The slugs the registries list, read from their source (this script runs under plain Node, which
// cannot load the TypeScript registries): every `./<slug>/steps` a registry imports.
// Each grant and scenario is one folder named after its slug (machines/registry-files.test.ts checks).
import fs from 'node:fs';
import path from 'node:path';

const STEPS_IMPORT = /['"]\.\/([a-z0-9-]+)\/steps['"]/g;

const slugsIn = (registry) => [
  ...new Set([...fs.readFileSync(registry, 'utf8').matchAll(STEPS_IMPORT)].map((match) => match[1])),
];

/** The grants of machines/registry.ts and the scenarios of machines/attacks/registry.ts. */
export function registeredSlugs(root) {
  return {
    grants: slugsIn(path.join(root, 'machines', 'registry.ts')),
    scenarios: slugsIn(path.join(root, 'machines', 'attacks', 'registry.ts')),
  };
}
