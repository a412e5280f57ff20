import 'server-only';
import { z } from 'zod';
import type { PlaygroundEnv } from '../../../../lib/config/env';
import { fetchOverLoopback } from '../../../../lib/client/loopback-fetch';
import { errorResponse } from '../../../../lib/http/errors';
import { unreachableResponse } from '../../../../lib/http/unreachable';
import { runOf } from '../../../../lib/trace/run';
import { attackerHeaders } from '../../../../lib/attacks/attacker';
import { attackerForm, learnerOf, noLearner } from '../../../../lib/attacks/learner-and-form';
import { lootStore } from '../../../../lib/attacks/loot';
import {
  attackerLink,
  EXACT_REDIRECT_CLIENT,
  LOOSE_REDIRECT_CLIENT,
  manipulatedRedirectUri,
} from './redirect-uri-link';

export const linkTrySchema = z.object({
  client_id: z.enum([LOOSE_REDIRECT_CLIENT, EXACT_REDIRECT_CLIENT], {
    error: `client_id must be ${LOOSE_REDIRECT_CLIENT} or ${EXACT_REDIRECT_CLIENT}`,
  }),
});

const unescape = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The wire error on the authorization server's error page (lib/oidc/views/pages.ts renderError lists
 * it as `<dt>name</dt><dd><code>value</code></dd>`), as a person reads it off the screen.
 */
export function errorOnPage(html: string): { error?: string; error_description?: string } {
  const field = (name: string) => {
    const found = new RegExp(`<dt>${name}</dt><dd><code>([^<]*)</code></dd>`).exec(html)?.[1];
    return found === undefined ? undefined : unescape(found);
  };
  return { error: field('error'), error_description: field('error_description') };
}

/**
 * POST /api/attacker/try-link: before it sends its link to anyone, the attacker opens it itself (no
 * session, nothing signed in) to see whether the authorization server takes its redirect_uri. oidc-provider
 * checks the redirect_uri before anything else: a redirect to its sign-in page means accepted; a refused
 * one is not redirected anywhere (RFC 6749 §4.1.2.1) but shown on the server's own error page, whose
 * error this route answers in OAuth's wire format, with the page's status.
 */
export async function tryAttackerLink(request: Request, env: PlaygroundEnv): Promise<Response> {
  const form = await attackerForm(request, linkTrySchema);
  if (form instanceof Response) return form;
  const link = attackerLink(env.publicOrigin, form.client_id);
  let response: Response;
  try {
    response = await fetchOverLoopback(env.internalOrigin, env.publicOrigin, link, {
      method: 'GET',
      headers: { accept: 'text/html', ...(await attackerHeaders(request)) },
    });
  } catch (error) {
    return unreachableResponse('The attacker', env, error);
  }
  const location = response.headers.get('location');
  const headers = { 'cache-control': 'no-store' };
  if (response.status >= 300 && response.status < 400 && location)
    return Response.json(
      { accepted: true, link, redirect_uri: manipulatedRedirectUri(env.publicOrigin), location },
      { headers },
    );
  const { error, error_description } = errorOnPage(await response.text());
  if (response.status >= 400 && response.status < 500 && error)
    return Response.json({ error, error_description, link }, { status: response.status, headers });
  return errorResponse(
    502,
    'unexpected_answer',
    `The authorization server answered the attacker’s link ${response.status}, neither a redirect nor its error page.`,
  );
}

/**
 * GET /api/attacker/catch: the page the manipulated redirect_uri resolves to. It keeps the code that
 * arrives with alice's browser and sends the browser on to the client's redirect URI empty-handed: to
 * alice it looks like a sign-in that did not work (and the lab's run takes the browser back from there).
 */
export async function catchRedirectedCode(request: Request, env: PlaygroundEnv): Promise<Response> {
  const learnerId = await learnerOf(request);
  if (!learnerId) return noLearner();
  const received = new URL(request.url).searchParams;
  const code = received.get('code');
  if (code && code.length <= 4096)
    lootStore().add(learnerId, {
      kind: 'code',
      value: code,
      client_id: LOOSE_REDIRECT_CLIENT,
      redirect_uri: manipulatedRedirectUri(env.publicOrigin),
      how: 'sent to the attacker’s page by the authorization server (redirect_uri matched by prefix)',
      run: runOf(request.headers),
      at: new Date().toISOString(),
    });
  // An error the server sent instead of a code goes on with the browser: the client should see it.
  const onward = new URL('/callback', env.publicOrigin);
  for (const name of ['error', 'error_description'])
    if (!code && received.has(name)) onward.searchParams.set(name, received.get(name)!);
  return new Response(null, {
    status: 303,
    headers: { location: onward.href, 'cache-control': 'no-store' },
  });
}
