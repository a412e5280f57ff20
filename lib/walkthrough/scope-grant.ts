/**
 * Asked for / granted: the scope a client requested against the scope its token response names
 * (RFC 6749 §3.3: the server may grant less, and then must say what it granted). oidc-provider 9 drops
 * silently what it does not know, so the reasons here are derived from what this server and this client
 * are configured with, never guessed from the answer alone.
 */

export type DropReason =
  /** Not among the server's configured scopes (oidc-provider's `scopes`): ignored, no error. */
  | 'unknown-to-server'
  /** The client registered a `scope` (RFC 7591 §2) that does not include it. */
  | 'not-allowed-for-client'
  /** offline_access needs a code response type, prompt=consent and a client allowed refresh tokens. */
  | 'offline-access-rule'
  /** The token is for a resource (RFC 8707) that does not use this scope. */
  | 'not-for-resource'
  /** Known and allowed, yet not granted: the user did not consent to it, or the grant does not carry it. */
  | 'not-granted';

export type ScopeComparison = {
  asked: string[];
  granted: string[];
  dropped: Array<{ scope: string; reason: DropReason }>;
  /** Granted without being asked for (a server may add defaults). */
  added: string[];
  /** The response had no `scope` member at all. */
  responseOmittedScope: boolean;
};

export type ScopeContext = {
  /** The server's configured scopes. */
  serverScopes: readonly string[];
  /** The client's registered `scope`, when it registered one: then it may ask for nothing else. */
  clientScope?: string;
  /** Scopes the requested resource server takes, when the request named one (RFC 8707). */
  resourceScopes?: readonly string[];
  /** Why offline_access would be dropped for this request, if it would (see oidc-provider's checkScope). */
  offlineAccessAllowed?: boolean;
};

const words = (scope: string | undefined) => [...new Set((scope ?? '').split(' ').filter(Boolean))];

function reasonFor(scope: string, context: ScopeContext): DropReason {
  if (!context.serverScopes.includes(scope)) return 'unknown-to-server';
  if (context.clientScope !== undefined && !words(context.clientScope).includes(scope))
    return 'not-allowed-for-client';
  if (scope === 'offline_access' && context.offlineAccessAllowed === false) return 'offline-access-rule';
  if (context.resourceScopes && !context.resourceScopes.includes(scope)) return 'not-for-resource';
  return 'not-granted';
}

/** Compares the requested scope with the scope of a token response (`undefined`: no `scope` member). */
export function compareScopes(
  asked: string | undefined,
  granted: string | undefined,
  context: ScopeContext,
): ScopeComparison {
  const askedList = words(asked);
  const grantedList = words(granted);
  return {
    asked: askedList,
    granted: grantedList,
    dropped: askedList
      .filter((scope) => !grantedList.includes(scope))
      .map((scope) => ({ scope, reason: reasonFor(scope, context) })),
    added: grantedList.filter((scope) => !askedList.includes(scope)),
    responseOmittedScope: granted === undefined,
  };
}

/** Each reason in a sentence: what the server did with the scope, and why. */
export const DROP_REASONS: Record<DropReason, string> = {
  'unknown-to-server':
    'unknown to this server: it is not among the scopes the server is configured with, and the server ignores it without an error',
  'not-allowed-for-client': 'not allowed for this client: its registered scope does not include it',
  'offline-access-rule':
    'offline_access is granted only with a code response type, prompt=consent and a client allowed refresh tokens',
  'not-for-resource': 'not a scope of the resource the token is for (RFC 8707), so the server leaves it out',
  'not-granted': 'not granted: the user did not consent to it, or this grant does not carry it',
};
