import type { DemoClient } from '../oidc/demo-client';
import type { GrantDefinition } from '../walkthrough/types';

/** Where a grant stands today: the home page's badge, and the compare table's "OAuth 2.1" row. */
export type GrantStatus = 'recommended' | 'legacy' | 'special-purpose';

/** What the home page says of a grant: where it is specified, its standing, and when to use it. */
export type CatalogueEntry = { rfc: string; status: GrantStatus; useWhen: string };

/**
 * A grant as the registry holds it: its walkthrough, its catalogue entry, and the demo clients it plays
 * (`clientId` names one of them), which the authorization server registers.
 */
export type RegisteredGrant = GrantDefinition & {
  catalogue: CatalogueEntry;
  clients: readonly DemoClient[];
};
