import { factsOf, sentBy } from '../../lib/trace/describe-exchange';
import type {
  GrantDefinition,
  RequestSpec,
  StepAction,
  WalkthroughContext,
} from '../../lib/walkthrough/types';

export type RequestDescription = {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body?: string;
  /** Who sends it and what it carries, in words read from the request above (lib/trace/describe-exchange). */
  sender: string;
};

// The endpoints where the client backend (lib/client/backend.ts) authenticates the client with HTTP Basic,
// unless the client authenticates with a signed assertion instead (private_key_jwt).
const CLIENT_AUTHENTICATED = /^\/oidc\/(token(\/introspection|\/revocation)?|request)(\?|$)/;

/** What the client backend adds to the form when it signs a client assertion (RFC 7523 §2.2). */
const SIGNED_WHEN_SENT = {
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  client_assertion: '<signed by the client backend when sent>',
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
    const url = urlOf(action.path);
    const sender = sentBy(
      factsOf({ url, headers: [], body: null }, { from: 'resource-owner', channel: 'front' }),
    );
    return { method: 'GET', url, headers: [], sender };
  }
  if (action.kind !== 'send') return undefined;
  // The attack lab's call to its attacker server is plumbing: the preview is what the attacker then sends.
  if (action.attackerSends) return attackerRequest(action.attackerSends, urlOf);
  const { request } = action;
  const headers: Array<[string, string]> = [];
  const form = request.clientAssertion ? { ...request.form, ...SIGNED_WHEN_SENT } : request.form;
  const authenticated =
    action.via === 'client-backend' &&
    !request.headers?.authorization &&
    !form?.client_assertion_type &&
    CLIENT_AUTHENTICATED.test(request.path);
  if (authenticated)
    headers.push(['Authorization', `Basic base64(${action.clientId ?? grant.clientId}:<client secret>)`]);
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.push([name, value]);
  // RFC 9449: the proof is signed in the browser as the request leaves, so the preview names what it will say.
  if (request.dpop)
    headers.push([
      'DPoP',
      `<proof signed in this browser: htm ${request.dpop.htm ?? request.method}, htu ${urlOf(request.dpop.htu ?? request.path.split('?')[0]!)}${request.dpop.accessToken ? ', ath' : ''}${request.dpop.nonce ? ', nonce' : ''}>`,
    ]);
  if (form) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  const url = urlOf(request.path);
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const facts = factsOf(
    { url, headers, body: body ?? null },
    { from: 'client', channel: 'back' },
    action.via === 'client-backend' ? 'server' : 'browser',
  );
  return { method: request.method, url, headers, body, sender: sentBy(facts) };
}

/** What the lab's attacker server sends, from its own server, with what it holds in place of the placeholders. */
function attackerRequest(request: RequestSpec, urlOf: (path: string) => string): RequestDescription {
  const headers: Array<[string, string]> = Object.entries(request.headers ?? {});
  if (request.form) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  const url = urlOf(request.path);
  const body = request.form ? new URLSearchParams(request.form).toString() : undefined;
  const facts = factsOf({ url, headers, body: body ?? null }, { from: 'client', channel: 'back' }, 'server');
  return { method: request.method, url, headers, body, sender: sentBy({ ...facts, attacker: true }) };
}
