import { z } from 'zod';
import { errorResponse } from '../http/errors';
import { eventStreamSlot } from '../http/event-stream-limit';
import { traceStore } from './index';
import { learnerCookieOf, learnerOf } from './learner-key';
import { traceEventStream } from './stream';

const noLearner = () =>
  errorResponse(
    401,
    'no_learner',
    'This browser has no playground learner cookie yet. Open any playground page first; it sets one.',
  );

const afterSeq = z.coerce.number().int().min(0).catch(0);

/** GET /api/trace/stream: the learner's own trace, live (Server-Sent Events). */
export async function streamTrace(request: Request): Promise<Response> {
  const learnerId = await learnerOf(request.headers);
  if (!learnerId) return noLearner();
  const url = new URL(request.url);
  const after = afterSeq.parse(request.headers.get('last-event-id') ?? url.searchParams.get('after') ?? 0);
  const slot = eventStreamSlot(request);
  if (slot instanceof Response) return slot;
  return traceEventStream(traceStore(), learnerId, after, request.signal, slot.release);
}

/** GET /api/trace: the learner's trace so far, as JSON, with the newest position (`lastSeq`). */
export async function readTrace(request: Request): Promise<Response> {
  const learnerId = await learnerOf(request.headers);
  if (!learnerId) return noLearner();
  const after = afterSeq.parse(new URL(request.url).searchParams.get('after') ?? 0);
  const all = traceStore().list(learnerId);
  const events = all.filter((event) => event.seq > after);
  const lastSeq = all.at(-1)?.seq ?? 0;
  return Response.json({ events, lastSeq }, { headers: { 'cache-control': 'no-store' } });
}

/** DELETE /api/trace: starts the learner's log afresh. */
export async function clearTrace(request: Request): Promise<Response> {
  const learnerId = await learnerOf(request.headers);
  if (!learnerId) return noLearner();
  traceStore().clear(learnerId);
  return new Response(null, { status: 204 });
}

/**
 * GET /api/trace/cookie: the learner's own cookie, for "Copy as curl" to put into the command it copies,
 * so that the command, run from the learner's terminal, is recorded in the learner's trace. The cookie
 * is HttpOnly, so the page asks for it; only a same-origin request gets it (`Sec-Fetch-Site`, which no
 * page can forge), and only the cookie the request itself carries. It grants nothing a script on the
 * page could not already do: read this learner's trace. With it comes the public origin, the only one
 * a command may carry the cookie to.
 */
export async function readLearnerCookie(request: Request, publicOrigin: string): Promise<Response> {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin')
    return errorResponse(
      403,
      'cross_site',
      'Only the playground’s own pages may ask for the learner cookie.',
    );
  const cookie = await learnerCookieOf(request.headers);
  if (!cookie) return noLearner();
  // Readable by the playground's own pages only, whatever a browser's CORS or no-cors mode would allow.
  return Response.json(
    { cookie, origin: publicOrigin },
    { headers: { 'cache-control': 'no-store', 'cross-origin-resource-policy': 'same-origin' } },
  );
}
