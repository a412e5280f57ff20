/**
 * The header the lab's attacker routes put on the requests they make, so that the recorded exchange is
 * drawn as the attacker's and not the client's whose credentials it replays (lib/diagram/roles.ts).
 */
export const PARTY_HEADER = 'x-playground-party';

export const ATTACKER = 'attacker';

// The attacker's server on this origin: its API, its pages, and its authorization server's metadata (mix-up).
const ATTACKERS_PATH =
  /^\/(?:api\/attacker|attacks\/attacker|\.well-known\/oauth-authorization-server\/api\/attacker)(?:\/|$)/;

/** A path of the lab attacker's own server: a request there is received by the Attacker. */
export const isAttackersPath = (pathname: string) => ATTACKERS_PATH.test(pathname);
