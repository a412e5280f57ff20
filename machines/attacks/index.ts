import { createWalkthroughMachine } from '../walkthrough/create-walkthrough-machine';
import { ATTACKS } from './registry';

/** Each attack scenario with its walkthrough machine, for the lab's pages (components/attacks). */
const WALKTHROUGHS = new Map(
  ATTACKS.map((attack) => [attack.slug, { grant: attack, machine: createWalkthroughMachine(attack) }]),
);

export const attackWalkthroughBySlug = (slug: string) => WALKTHROUGHS.get(slug);
