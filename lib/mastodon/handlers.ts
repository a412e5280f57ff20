import { clientAddress } from '../http/client-address';
import { sharedWindowCounter } from '../http/window-counter';
import { authorizationServer } from '../oidc/provider';
import { credentialAccount } from './accounts';
import { appOfClient, registerApp } from './apps';
import { authenticate, optionalCaller, requireScope, requireUser } from './authenticate';
import { MastodonError } from './errors';
import { instanceV1, instanceV2 } from './instance';
import { mastodonServerMetadata } from './metadata';
import { authorizationRedirect, exchangeToken, revokeToken } from './oauth';
import { readParams } from './params';
import { RegistrationLimit } from './registration-limit';
import { mastodonRoute } from './route';
import { countStatuses, createStatus, deleteStatus, findStatus, statusEntity, timeline } from './statuses';

/**
 * The Mastodon-compatible endpoints, one function each, for the route files under app/ to export.
 * Each is recorded into the learner's trace; the resource server's and the authorization server's
 * roles are named as they are on a real Mastodon server.
 */
type IdContext = { params: Promise<{ id: string }> };

declare global {
  var playgroundRegistrationLimit: RegistrationLimit | undefined;
}

export const instanceV1Handler = mastodonRoute('resource-server', async () => {
  const { env } = await authorizationServer();
  return Response.json(instanceV1(env.publicOrigin));
});

export const instanceV2Handler = mastodonRoute('resource-server', async () => {
  const { env } = await authorizationServer();
  return Response.json(instanceV2(env.publicOrigin));
});

export const serverMetadataHandler = mastodonRoute('authorization-server', async () => {
  const { env } = await authorizationServer();
  return Response.json(mastodonServerMetadata(env.publicOrigin));
});

export const registerAppHandler = mastodonRoute('authorization-server', async (request) => {
  const server = await authorizationServer();
  globalThis.playgroundRegistrationLimit ??= new RegistrationLimit(
    server.env.appRegistrationLimit,
    sharedWindowCounter('app-registration', 10 * 60 * 1000),
  );
  const verdict = await globalThis.playgroundRegistrationLimit.take(clientAddress(request.headers));
  if (!verdict.allowed) {
    throw new MastodonError(429, 'Too many requests', { 'retry-after': String(verdict.retryAfterSeconds) });
  }
  return Response.json(await registerApp(server, await readParams(request)));
});

export const verifyAppHandler = mastodonRoute('resource-server', async (request) => {
  const server = await authorizationServer();
  const caller = await authenticate(request, server.env);
  return Response.json(await appOfClient(server, caller.clientId));
});

export const authorizeHandler = mastodonRoute('authorization-server', async (request) => {
  const server = await authorizationServer();
  return authorizationRedirect(server, new URL(request.url).searchParams);
});

export const tokenHandler = mastodonRoute('authorization-server', async (request) => {
  const server = await authorizationServer();
  return exchangeToken(server, request, await readParams(request));
});

export const revokeHandler = mastodonRoute('authorization-server', async (request) => {
  const server = await authorizationServer();
  return revokeToken(server, request, await readParams(request));
});

export const verifyAccountHandler = mastodonRoute('resource-server', async (request) => {
  const server = await authorizationServer();
  const caller = await authenticate(request, server.env);
  requireScope(caller, 'profile', 'read:accounts');
  requireUser(caller);
  const account = credentialAccount(
    caller.accountId,
    server.env.publicOrigin,
    await countStatuses(server, caller.accountId),
  );
  if (!account) throw new MastodonError(404, 'Record not found');
  return Response.json(account);
});

export const postStatusHandler = mastodonRoute('resource-server', async (request) => {
  const server = await authorizationServer();
  const caller = await authenticate(request, server.env);
  requireScope(caller, 'write:statuses');
  requireUser(caller);
  const params = await readParams(request);
  return Response.json(await createStatus(server, caller, params, request.headers.get('idempotency-key')));
});

export const getStatusHandler = mastodonRoute('resource-server', async (request, { params }: IdContext) => {
  const server = await authorizationServer();
  const caller = await optionalCaller(request, server.env);
  if (caller) requireScope(caller, 'read:statuses');
  const status = await findStatus(server, (await params).id, caller?.accountId);
  return Response.json(statusEntity(status, server.env.publicOrigin));
});

export const deleteStatusHandler = mastodonRoute(
  'resource-server',
  async (request, { params }: IdContext) => {
    const server = await authorizationServer();
    const caller = await authenticate(request, server.env);
    requireScope(caller, 'write:statuses');
    requireUser(caller);
    return Response.json(await deleteStatus(server, (await params).id, caller.accountId));
  },
);

export const homeTimelineHandler = mastodonRoute('resource-server', async (request) => {
  const server = await authorizationServer();
  const caller = await authenticate(request, server.env);
  requireScope(caller, 'read:statuses');
  requireUser(caller);
  const page = await timeline(
    server,
    `account:${caller.accountId}`,
    new URL(request.url).searchParams,
    '/api/v1/timelines/home',
  );
  return Response.json(page.body, { headers: page.link ? { link: page.link } : {} });
});

export const publicTimelineHandler = mastodonRoute('resource-server', async (request) => {
  const server = await authorizationServer();
  const caller = await optionalCaller(request, server.env);
  if (caller) requireScope(caller, 'read:statuses');
  const page = await timeline(
    server,
    'public',
    new URL(request.url).searchParams,
    '/api/v1/timelines/public',
  );
  return Response.json(page.body, { headers: page.link ? { link: page.link } : {} });
});
