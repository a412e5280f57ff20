import { serverErrorResponse } from '../http/errors';
import { identifyRequester } from '../http/requester';
import { traceStore } from '../trace';
import { recordExchange } from '../trace/recorder';
import { senderOf } from '../trace/roles';
import { interactionPagePolicy } from './content-security-policy';
import { interactionView, type InteractionView } from './interactions';
import { consentPage, expiredPage, loginPage } from './views/interaction-pages';

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // The address carries the interaction's uid: keep it from the pages the learner goes on to.
  'referrer-policy': 'no-referrer',
};

/** Set by the walkthrough while it is in presenter view (components/walkthrough/presenter.tsx). */
const presenting = (cookie: string | null) => /(?:^|;\s*)playground_present=1(?:;|$)/.test(cookie ?? '');

function pageOf(view: InteractionView, request: Request): string {
  if (view.kind === 'expired') return expiredPage();
  const present = presenting(request.headers.get('cookie'));
  if (view.kind === 'consent') return consentPage(view, { present });
  const { searchParams } = new URL(request.url);
  return loginPage(view, {
    error: searchParams.get('error') ?? undefined,
    username: searchParams.get('username') ?? view.loginHint,
    present,
  });
}

/**
 * GET /interaction/<uid>: the sign-in or the consent page of that interaction, or why it has ended.
 * The exchange goes into the learner's trace as answered, but for its body, which says which page was
 * served: the markup itself would only fill the trace.
 */
export async function interactionPageResponse(request: Request, uid: string): Promise<Response> {
  const startedAt = Date.now();
  const started = performance.now();
  let response: Response;
  let view: InteractionView;
  try {
    view = await interactionView(uid, request.headers.get('cookie'));
    const html = pageOf(view, request);
    const redirectUri = view.kind === 'expired' ? undefined : view.redirectUri;
    response = new Response(html, {
      headers: { ...HTML_HEADERS, 'content-security-policy': interactionPagePolicy(html, redirectUri) },
    });
  } catch (error) {
    console.error(
      '[authorization server] interaction page failed:',
      error instanceof Error ? error.message : error,
    );
    return serverErrorResponse();
  }
  const page = view.kind === 'expired' ? 'interaction expired' : `${view.kind} page for ${view.clientName}`;
  recordExchange(traceStore(), {
    learnerId: (await identifyRequester(request.headers)).learnerId,
    ...senderOf(request.headers),
    to: 'authorization-server',
    startedAt,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    request: { method: request.method, url: request.url, headers: request.headers, body: null },
    response: {
      status: response.status,
      headers: response.headers,
      body: new TextEncoder().encode(
        `<!-- HTML page: ${page} (rendered by the playground; markup not recorded) -->`,
      ),
    },
  });
  return response;
}
