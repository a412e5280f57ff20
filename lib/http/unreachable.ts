import { errorResponse } from './errors';

/**
 * The 502 of a request the playground's server sends to itself over loopback and cannot deliver. Its
 * text names the public origin, the one the learner knows: the internal origin (`INTERNAL_ORIGIN`, an
 * address inside the host or cluster) and the socket error naming it go to the server's log only.
 */
export function unreachableResponse(
  who: string,
  env: { publicOrigin: string; internalOrigin: string },
  error: unknown,
): Response {
  console.error(
    `[loopback] ${who} could not reach ${env.internalOrigin}:`,
    error instanceof Error ? error.message : error,
  );
  return errorResponse(
    502,
    'server_unreachable',
    `${who} could not reach the playground at ${env.publicOrigin}. Try again in a moment.`,
  );
}
