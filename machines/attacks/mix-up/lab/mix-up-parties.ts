/**
 * Who is who in the mix-up lab (RFC 9700 §4.4), data only: shared by the scenario (machines/attacks/mix-up)
 * and the attacker's authorization server (./mix-up.ts).
 */
export const MIX_UP_CLIENT_ID = 'lab-mix-up-client';

/** The same client's id at the attacker's authorization server, which registered it too (RFC 9700 §4.4.1). */
export const CLIENT_ID_AT_ATTACKER = 'mix-up-client-at-attacker-as';

/** The attacker's authorization server lives under this path; its issuer is the origin followed by it. */
export const ATTACKER_AS_PATH = '/api/attacker/as';
