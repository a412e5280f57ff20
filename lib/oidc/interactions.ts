import type { InteractionResults } from 'oidc-provider';
import { z } from 'zod';
import { authenticate } from './accounts';
import { consentDetailsOf } from './consent-details';
import { identifyRequester } from '../http/requester';
import { toNodeRequest, toNodeResponse } from './node-bridge';
import { authorizationServer } from './provider';
import { throttleMessage } from './sign-in-throttle';

/**
 * The authorization server's own pages (login and consent) talk to oidc-provider here. Each page and
 * form is bound to one interaction by its uid in the path and the `_interaction` cookie scoped to it.
 */
export type ScopeRequest = { scope: string; resource?: string };

export type ActiveInteraction = {
  kind: 'login' | 'consent';
  uid: string;
  clientId: string;
  clientName: string;
  accountId?: string;
  loginHint?: string;
  /** Scopes this consent would grant, each with the resource it is for (none for OpenID scopes). */
  scopes: ScopeRequest[];
  claims: string[];
  reasons: string[];
  /** Where the authorization response goes: the sign-in and consent forms end there (form-action). */
  redirectUri?: string;
  /** Started by a device's code (RFC 8628): the answer reaches the device on its next poll, not a redirect. */
  device: boolean;
};

export type InteractionView = { kind: 'expired' } | ActiveInteraction;

async function nodePair(request: Request) {
  const req = await toNodeRequest(request, { body: Buffer.alloc(0) });
  return { req, res: toNodeResponse(request.method) };
}

async function findInteraction(uid: string, cookieHeader: string | null) {
  const { provider, env } = await authorizationServer();
  const request = new Request(`${env.publicOrigin}/interaction/${encodeURIComponent(uid)}`, {
    headers: cookieHeader ? { cookie: cookieHeader } : {},
  });
  const { req, res } = await nodePair(request);
  try {
    const interaction = await provider.interactionDetails(req, res);
    return interaction.uid === uid ? { provider, interaction } : undefined;
  } catch (error) {
    if (error instanceof Error && error.name === 'SessionNotFound') return undefined;
    throw error;
  }
}

export async function interactionView(uid: string, cookieHeader: string | null): Promise<InteractionView> {
  const found = await findInteraction(uid, cookieHeader);
  if (!found) return { kind: 'expired' };
  const { provider, interaction } = found;
  const clientId = String(interaction.params.client_id);
  const client = await provider.Client.find(clientId);
  const details = consentDetailsOf(interaction.prompt.details);
  const scopes: ScopeRequest[] = [
    ...(details.missingOIDCScope ?? []).map((scope) => ({ scope })),
    ...Object.entries(details.missingResourceScopes ?? {}).flatMap(([resource, list]) =>
      list.map((scope) => ({ scope, resource })),
    ),
  ];
  return {
    kind: interaction.prompt.name === 'login' ? 'login' : 'consent',
    uid,
    clientId,
    clientName: client?.clientName ?? clientId,
    accountId: interaction.session?.accountId,
    loginHint: typeof interaction.params.login_hint === 'string' ? interaction.params.login_hint : undefined,
    scopes,
    claims: details.missingOIDCClaims ?? [],
    reasons: interaction.prompt.reasons,
    device: Boolean(interaction.deviceCode),
    redirectUri:
      typeof interaction.params.redirect_uri === 'string'
        ? interaction.params.redirect_uri
        : client?.redirectUris?.[0],
  };
}

const see = (location: string) =>
  new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

/** Runs `interactionFinished` through the bridge; answers its 303 back to the authorization endpoint. */
async function finish(request: Request, result: InteractionResults, merge: boolean): Promise<Response> {
  const { provider } = await authorizationServer();
  const { req, res } = await nodePair(request);
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: merge });
  return res.settled;
}

export const loginForm = z.object({
  username: z.string().trim().min(1, 'Enter a username.').max(100),
  password: z.string().min(1, 'Enter a password.').max(200),
});

export async function submitLogin(request: Request, uid: string, form: FormData): Promise<Response> {
  const page = `/interaction/${encodeURIComponent(uid)}`;
  const found = await findInteraction(uid, request.headers.get('cookie'));
  if (!found || found.interaction.prompt.name !== 'login') return see(page);
  const parsed = loginForm.safeParse({
    username: form.get('username') ?? '',
    password: form.get('password') ?? '',
  });
  const username = String(form.get('username') ?? '').slice(0, 100);
  const retry = (error: string, extra: Record<string, string> = {}) =>
    see(`${page}?${new URLSearchParams({ error, username, ...extra })}`);
  if (!parsed.success) return retry(parsed.error.issues[0]!.message);

  const { throttle } = await authorizationServer();
  const requester = await identifyRequester(request.headers);
  const verdict = await throttle.check(parsed.data.username, requester);
  if (!verdict.allowed) return retry(throttleMessage(verdict));
  const accountId = authenticate(parsed.data.username, parsed.data.password);
  if (!accountId) {
    await throttle.recordFailure(parsed.data.username, requester);
    return retry('Wrong username or password.');
  }
  await throttle.recordSuccess(parsed.data.username, requester);
  return finish(request, { login: { accountId } }, false);
}

export async function submitConsent(request: Request, uid: string): Promise<Response> {
  const found = await findInteraction(uid, request.headers.get('cookie'));
  if (!found || found.interaction.prompt.name !== 'consent')
    return see(`/interaction/${encodeURIComponent(uid)}`);
  const { provider, interaction } = found;
  const accountId = interaction.session?.accountId;
  if (!accountId) return see(`/interaction/${encodeURIComponent(uid)}`);
  const details = consentDetailsOf(interaction.prompt.details);
  const grant = interaction.grantId
    ? await provider.Grant.find(interaction.grantId)
    : new provider.Grant({ accountId, clientId: String(interaction.params.client_id) });
  if (!grant) return see(`/interaction/${encodeURIComponent(uid)}`);
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  const grantId = await grant.save();
  return finish(request, { consent: interaction.grantId ? {} : { grantId } }, true);
}

/** "Deny" (and "Cancel" at login): the client receives `access_denied` at its redirect_uri. */
export async function abortInteraction(request: Request, uid: string): Promise<Response> {
  const found = await findInteraction(uid, request.headers.get('cookie'));
  if (!found) return see(`/interaction/${encodeURIComponent(uid)}`);
  return finish(
    request,
    { error: 'access_denied', error_description: 'The resource owner denied the request.' },
    false,
  );
}
