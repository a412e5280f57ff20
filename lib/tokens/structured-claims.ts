import { z } from 'zod/mini';

/** A token's confirmation claim (RFC 7800 §3.1) as DPoP fills it: the key's thumbprint in `jkt` (RFC 9449 §6.1). */
const dpopConfirmation = z.object({ jkt: z.string() });

/** The thumbprint a `cnf` claim binds its token to; undefined when it names none. */
export const boundThumbprint = (cnf: unknown): string | undefined =>
  dpopConfirmation.safeParse(cnf).data?.jkt;

/** The actor claim of an exchanged token (RFC 8693 §4.1): who acts for the subject, in its `sub`. */
const actorClaim = z.object({ sub: z.string() });

/** The `act.sub` of an exchanged token; undefined when the token names no actor. */
export const actingParty = (act: unknown): string | undefined => actorClaim.safeParse(act).data?.sub;
