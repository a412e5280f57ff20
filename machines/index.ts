import { GRANTS } from './registry';
import { createWalkthroughMachine } from './walkthrough/create-walkthrough-machine';

/**
 * Each registered grant with its walkthrough machine, built from its steps: a grant's folder has none.
 * The attack lab's scenarios have their own (machines/attacks/index.ts), so that a grant's page does not
 * carry them.
 */
const WALKTHROUGHS = new Map(
  GRANTS.map((grant) => [grant.slug, { grant, machine: createWalkthroughMachine(grant) }]),
);

export const walkthroughBySlug = (slug: string) => WALKTHROUGHS.get(slug);
