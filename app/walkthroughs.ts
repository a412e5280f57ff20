import { attackBySlug } from '@/machines/attacks/registry';
import { grantBySlug } from '@/machines/registry';

/**
 * Where the registries meet the servers (lib/ does not import machines/): what a server part needs to
 * know of the walkthroughs, handed in by the routes that use it.
 */

/** How many steps a grant's or an attack's walkthrough has; nothing for a slug that names neither. */
export const stepCountOf = (slug: string): number | undefined =>
  (grantBySlug(slug) ?? attackBySlug(slug))?.steps.length;
