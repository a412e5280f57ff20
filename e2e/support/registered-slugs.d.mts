/** The grants of machines/registry.ts and the scenarios of machines/attacks/registry.ts, by the folders they import. */
export function registeredSlugs(root: string): { grants: string[]; scenarios: string[] };
