import type { DemoClient } from '../oidc/demo-client';
import type { GrantDefinition } from '../walkthrough/types';

/** Where a grant stands today: the home page's badge, and the compare table's "OAuth 2.1" row. */
export type GrantStatus = 'recommended' | 'legacy' | 'special-purpose';

/** The home page's two groups: OAuth 2.0 as written in 2012, and the practice OAuth 2.1 and FAPI 2.0 ask for. */
export type GrantFamily = 'classic' | 'modern';

/**
 * What the home page says of a grant: where it is specified, its standing, and when to use it; its group
 * ("The classics" unless said otherwise) and the profiles that need it (e.g. "OAuth 2.1", "FAPI 2.0").
 */
export type CatalogueEntry = {
  rfc: string;
  status: GrantStatus;
  useWhen: string;
  family?: GrantFamily;
  profiles?: readonly string[];
};

/**
 * A grant as the registry holds it: its walkthrough, its catalogue entry, and the demo clients it plays
 * (`clientId` names one of them), which the authorization server registers.
 */
export type RegisteredGrant = GrantDefinition & {
  catalogue: CatalogueEntry;
  clients: readonly DemoClient[];
};

/**
 * Whether a walkthrough is one of the registry's grants (it has a catalogue entry), not an attack
 * scenario or the Mastodon flow: read from the definition, so that a page need not load the registry.
 */
export const isRegisteredGrant = (grant: GrantDefinition): grant is RegisteredGrant => 'catalogue' in grant;
