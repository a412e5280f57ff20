import { ATTACKS } from './attacks/registry';
import { GRANTS } from './registry';
import { createWalkthroughMachine } from './walkthrough/create-walkthrough-machine';

/**
 * Each registered grant and attack scenario with its walkthrough machine, built from its steps: a
 * grant's folder has none.
 */
const WALKTHROUGHS = new Map(
  [...GRANTS, ...ATTACKS].map((grant) => [grant.slug, { grant, machine: createWalkthroughMachine(grant) }]),
);

export const walkthroughBySlug = (slug: string) => WALKTHROUGHS.get(slug);
