import { composeServer, type ServerComposition } from '@/lib/oidc/composition';
import { ATTACKER, PARTY_HEADER } from '@/lib/attacks/party';
import { ATTACKS } from '@/machines/attacks/registry';
import { GRANTS } from '@/machines/registry';

/**
 * The composition root: where the registries meet the authorization server. lib/ imports neither
 * machines/ nor the attack lab's scenarios; this module hands it the clients they declare, each once
 * even where two grants or scenarios share one, and which sign-in sessions are the attacker's.
 */
export const SERVER_COMPOSITION: ServerComposition = {
  demoClients: [...new Set(GRANTS.flatMap((grant) => grant.clients))],
  weakClients: [...new Set(ATTACKS.flatMap((attack) => attack.clients))],
  // The attacker signs in as bob from its own cookie jar, which it throws away after one code.
  isThrowawaySession: (ctx) => ctx?.get(PARTY_HEADER) === ATTACKER,
};

/** Hands the registries in: instrumentation.ts at start-up, tests and benchmarks before they build a server. */
export const composeTheServer = () => composeServer(SERVER_COMPOSITION);
