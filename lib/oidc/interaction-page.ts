import { serverErrorResponse } from '../http/errors';
import { interactionPagePolicy } from './content-security-policy';
import { recordInteractionPage } from './interaction-page-trace';
import { interactionView } from './interactions';
import { consentPage, expiredPage, loginPage } from './views/interaction-pages';

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // The address carries the interaction's uid: keep it from the pages the learner goes on to.
  'referrer-policy': 'no-referrer',
};

/** GET /interaction/<uid>: the sign-in or the consent page of that interaction, or why it has ended. */
export async function interactionPageResponse(request: Request, uid: string): Promise<Response> {
  try {
    const { searchParams } = new URL(request.url);
    const view = await interactionView(uid, request.headers.get('cookie'));
    await recordInteractionPage(request.headers, uid, Object.fromEntries(searchParams), view);
    const html =
      view.kind === 'expired'
        ? expiredPage()
        : view.kind === 'login'
          ? loginPage(view, {
              error: searchParams.get('error') ?? undefined,
              username: searchParams.get('username') ?? view.loginHint,
            })
          : consentPage(view);
    const redirectUri = view.kind === 'expired' ? undefined : view.redirectUri;
    return new Response(html, {
      headers: { ...HTML_HEADERS, 'content-security-policy': interactionPagePolicy(html, redirectUri) },
    });
  } catch (error) {
    console.error(
      '[authorization server] interaction page failed:',
      error instanceof Error ? error.message : error,
    );
    return serverErrorResponse();
  }
}
