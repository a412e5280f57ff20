import type { GrantDefinition, StepAction, WalkthroughContext } from '../../lib/walkthrough/types';

export type RequestDescription = {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body?: string;
  /** Who sends it, in words. */
  sender: string;
};

/** The request a step is about to send, as the learner should read it before pressing "Next step". */
export function describeAction(
  action: StepAction,
  grant: GrantDefinition,
  context: WalkthroughContext,
): RequestDescription | undefined {
  // Paths are on the playground's origin; a flow against another server (Mastodon) gives absolute URLs.
  const urlOf = (path: string) => (/^https?:\/\//.test(path) ? path : `${context.origin}${path}`);
  if (action.kind === 'navigate') {
    return {
      method: 'GET',
      url: urlOf(action.path),
      headers: [],
      sender: 'The browser, redirected by the client (front channel)',
    };
  }
  if (action.kind !== 'send') return undefined;
  const { request } = action;
  const headers: Array<[string, string]> = [];
  const authenticated =
    action.via === 'client-backend' && !request.headers?.authorization && /^\/oidc\/token/.test(request.path);
  if (authenticated) headers.push(['Authorization', `Basic base64(${grant.clientId}:<client secret>)`]);
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.push([name, value]);
  if (request.form) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  return {
    method: request.method,
    url: urlOf(request.path),
    headers,
    body: request.form ? new URLSearchParams(request.form).toString() : undefined,
    sender:
      action.via === 'client-backend'
        ? 'The client’s backend (the playground’s server), which adds the client secret (back channel)'
        : request.form?.client_secret
          ? 'The client running in your browser, which holds the secret here (back channel)'
          : 'The client running in your browser (back channel, no secret)',
  };
}
