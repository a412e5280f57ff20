import { STATIC_SCOPES } from '@/lib/oidc/scopes';
import { MASTODON_SCOPES } from '@/lib/mastodon/scopes';
import { resourceIdentifier } from '@/lib/oidc/resource-server';
import { tokenResponseOf } from '@/lib/walkthrough/response-bodies';
import type { ScopeContext } from '@/lib/walkthrough/scope-grant';
import type { GrantDefinition, StepAction, WalkthroughContext } from '@/lib/walkthrough/types';
import { jwtPayload } from '@/machines/walkthrough/callback';
import { isRegisteredGrant } from '@/lib/grants/catalogue';
import { missingStateAdvice, NO_STATE_RETURNED } from '@/machines/walkthrough/state-advice';

/**
 * What the playground knows about the current step beyond its request and answer, derived from the
 * walkthrough's context: the code it holds, the scope it was granted, the state it did not send. Only
 * for the playground's own authorization server, whose configuration these facts come from.
 */
export type StepFacts = {
  /** The code this step holds or redeems. */
  code?: string;
  /** The token request redeems a code (its refusal can be explained from the trace). */
  redeemsCode: boolean;
  stateAdvice?: string;
  scopeGrant?: {
    asked: string;
    granted: string | undefined;
    context: ScopeContext;
    resource?: { asked: string; audience?: string };
  };
};

const isOwnServer = (path: string) => path.startsWith('/oidc/');

export function stepFacts(
  grant: GrantDefinition,
  context: WalkthroughContext,
  action: StepAction,
  answered: boolean,
): StepFacts {
  const form = action.kind === 'send' && isOwnServer(action.request.path) ? action.request.form : undefined;
  const redeemsCode = form?.grant_type === 'authorization_code';
  const holdsCode = action.kind === 'callback' || redeemsCode;
  const ownCallback = action.kind === 'callback' && isRegisteredGrant(grant);
  return {
    code: holdsCode ? context.values.code : undefined,
    redeemsCode,
    stateAdvice:
      action.kind === 'navigate' && isOwnServer(action.path)
        ? missingStateAdvice(action.path)
        : ownCallback && context.callback && !context.callback.params.state && !context.params.state
          ? NO_STATE_RETURNED
          : undefined,
    scopeGrant: scopeGrantOf(grant, context, action, form, answered, ownCallback),
  };
}

function scopeGrantOf(
  grant: GrantDefinition,
  context: WalkthroughContext,
  action: StepAction,
  form: Record<string, string> | undefined,
  answered: boolean,
  ownCallback: boolean,
): StepFacts['scopeGrant'] {
  const issued = answered && form ? tokenResponseOf(context.lastResult?.body) : undefined;
  const response =
    issued?.access_token !== undefined
      ? { access_token: issued.access_token, scope: issued.scope }
      : ownCallback && context.callback?.params.access_token
        ? { access_token: context.callback.params.access_token, scope: context.callback.params.scope }
        : undefined;
  const asked = form?.scope ?? context.params.scope;
  if (!response || asked === undefined || action.kind === 'navigate') return undefined;

  const client = (isRegisteredGrant(grant) ? grant : undefined)?.clients
    .find((candidate) => candidate.client_id === grant.clientId)
    ?.metadata(context.origin);
  const prompt = context.params.prompt;
  const resourceAsked = form?.resource ?? context.params.resource;
  const api = resourceIdentifier(context.origin);
  const audience = jwtPayload(response.access_token)?.aud;
  return {
    asked,
    granted: response.scope,
    context: {
      serverScopes: STATIC_SCOPES,
      // The demo clients register no `scope` (RFC 7591 §2), so none of them is limited to a list.
      clientScope: undefined,
      resourceScopes: resourceAsked === api ? MASTODON_SCOPES : undefined,
      // oidc-provider keeps offline_access only for a client allowed refresh tokens, and (when an
      // authorization request carries a prompt) only with prompt=consent and a code response type.
      offlineAccessAllowed:
        (client?.grant_types ?? []).includes('refresh_token') &&
        (prompt === undefined || prompt.split(' ').includes('consent')),
    },
    resource: resourceAsked
      ? { asked: resourceAsked, audience: typeof audience === 'string' ? audience : undefined }
      : undefined,
  };
}
