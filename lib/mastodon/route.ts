import { tooLargeHeaders } from '../http/body-limit';
import { recordedRoute } from '../trace/record-route';
import type { Role } from '../trace/types';
import { withCors } from './cors';
import { MastodonError, mastodonErrorResponse } from './errors';

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

/**
 * A route of the Mastodon-compatible server: CORS as Mastodon, its JSON error shape, and every exchange
 * recorded into the learner's trace.
 */
export function mastodonRoute<Context = unknown>(to: Role, handler: Handler<Context>) {
  return recordedRoute<Context>(
    to,
    async (request, context) => {
      try {
        return withCors(await handler(request, context));
      } catch (error) {
        if (error instanceof MastodonError) return withCors(mastodonErrorResponse(error));
        throw error;
      }
    },
    {
      tooLarge: (error) =>
        withCors(mastodonErrorResponse(new MastodonError(413, error.message, tooLargeHeaders(error)))),
    },
  );
}
