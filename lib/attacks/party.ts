/**
 * The header the lab's attacker routes put on the requests they make, so that the recorded exchange is
 * drawn as the attacker's and not the client's whose credentials it replays (lib/diagram/roles.ts).
 */
export const PARTY_HEADER = 'x-playground-party';

export const ATTACKER = 'attacker';
