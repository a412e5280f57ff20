import { traceStore } from '../trace';
import { learnerOf } from '../trace/learner-key';
import { recordExchange } from '../trace/recorder';
import { senderOf } from '../trace/roles';
import type { InteractionView } from './interactions';

/**
 * The login and consent pages are React pages, not route handlers, so their GET is recorded here, at
 * render. The recorded body says which page was served; the HTML itself is not copied into the trace.
 */
export async function recordInteractionPage(
  headers: Headers,
  uid: string,
  query: Record<string, string | string[] | undefined>,
  view: InteractionView,
) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (typeof value === 'string') search.set(name, value);
  const host = headers.get('host') ?? 'localhost';
  const protocol = headers.get('x-forwarded-proto') ?? 'http';
  const page = view.kind === 'expired' ? 'interaction expired' : `${view.kind} page for ${view.clientName}`;
  recordExchange(traceStore(), {
    learnerId: await learnerOf(headers),
    ...senderOf(headers),
    to: 'authorization-server',
    startedAt: Date.now(),
    durationMs: 0,
    request: {
      method: 'GET',
      url: `${protocol}://${host}/interaction/${encodeURIComponent(uid)}${search.size ? `?${search}` : ''}`,
      headers,
      body: null,
    },
    response: {
      status: 200,
      headers: new Headers({ 'content-type': 'text/html; charset=utf-8' }),
      body: new TextEncoder().encode(
        `<!-- HTML page: ${page} (rendered by the playground; markup not recorded) -->`,
      ),
    },
  });
}
