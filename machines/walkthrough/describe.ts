import type { GrantDefinition, StepAction, WalkthroughContext } from './types';

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
  if (action.kind === 'navigate') {
    return {
      method: 'GET',
      url: `${context.origin}${action.path}`,
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
    url: `${context.origin}${request.path}`,
    headers,
    body: request.form ? new URLSearchParams(request.form).toString() : undefined,
    sender:
      action.via === 'client-backend'
        ? 'The client’s backend (the playground’s server), which adds the client secret (back channel)'
        : 'The client running in your browser (back channel, no secret)',
  };
}
