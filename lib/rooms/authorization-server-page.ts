import type { TraceEvent } from '../trace/types';
import { responseHeader } from '../trace/exchange';

/**
 * Which of the authorization server's own pages the instructor's browser is on, read from the newest
 * exchanges of the run (OpenID Connect Core §3.1.2.3-4: the server authenticates the end-user and gets
 * consent before it answers the authorization request). The relay brings these exchanges to the room
 * while the instructor is away from the walkthrough (./relay.ts): the sign-in page until a consent page
 * is served, the consent page until the server redirects anywhere but to its own pages, and nothing once
 * any other exchange follows (the browser is back at the client).
 */
export type AuthorizationServerPage = 'sign-in' | 'consent';

const INTERACTION = /^\/interaction\/[^/]+(\/(login|confirm|abort))?$/;
const AUTHORIZATION = /^\/oidc\/auth(\/[^/]+)?$/;

const pathOf = (url: string, base?: string) => {
  try {
    return new URL(url, base).pathname;
  } catch {
    return '';
  }
};

const locationOf = (event: TraceEvent) => responseHeader(event, 'location');

/** The page one exchange leaves the browser on; undefined once it has left the server's pages. */
function pageAfter(
  event: TraceEvent,
  before: AuthorizationServerPage | undefined,
): AuthorizationServerPage | undefined {
  const path = pathOf(event.request.url);
  const interaction = INTERACTION.exec(path);
  if (interaction) {
    const action = interaction[2];
    if (action === 'abort') return undefined;
    if (action === 'login') return 'sign-in';
    if (action === 'confirm') return 'consent';
    // The page the server rendered says which it was (lib/oidc/interaction-page.ts records its kind).
    if (/\bconsent page\b/.test(event.response.body ?? '')) return 'consent';
    if (/\blogin page\b/.test(event.response.body ?? '')) return 'sign-in';
    return undefined;
  }
  if (AUTHORIZATION.test(path)) {
    // The authorization endpoint sends the browser to a page of its own, or back to the client.
    const location = locationOf(event);
    return location && INTERACTION.test(pathOf(location, event.request.url))
      ? (before ?? 'sign-in')
      : undefined;
  }
  return undefined;
}

/** Where the instructor is at the authorization server now, if there. */
export function authorizationServerPage(
  exchanges: readonly TraceEvent[],
): AuthorizationServerPage | undefined {
  let page: AuthorizationServerPage | undefined;
  for (const event of exchanges) page = pageAfter(event, page);
  return page;
}
