import { randomBytes } from 'node:crypto';
import { errors, type ClientMetadata } from 'oidc-provider';
import { z } from 'zod';
import { MASTODON_APP } from '../oidc/pkce-policy';
import type { AuthorizationServer } from '../oidc/provider';
import { CLIENT_IDLE_SECONDS } from '../storage';
import { nextId } from './ids';
import { MastodonError, validationFailed } from './errors';
import { one, type Params } from './params';
import { APP_SCOPES, expandScopes, parseScopes } from './scopes';

/** Mastodon's out-of-band redirect: the code is shown on a page instead of being sent to the app. */
export const OOB = 'urn:ietf:wg:oauth:2.0:oob';
export const oobPage = (origin: string) => `${origin}/oauth/authorize/native`;
export const toProviderRedirect = (uri: string, origin: string) => (uri === OOB ? oobPage(origin) : uri);

/** What the playground keeps of a registered Mastodon app, next to the client in the authorization server. */
const mastodonApp = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string().nullable(),
  scopes: z.array(z.string()),
  redirect_uris: z.array(z.string()),
  client_id: z.string(),
  created_at: z.string(),
});
export type MastodonApp = z.infer<typeof mastodonApp>;

const appParams = z.object({
  client_name: z
    .string({ error: "Application name can't be blank" })
    .trim()
    .min(1, "Application name can't be blank")
    .max(60, 'Application name is too long (maximum is 60 characters)'),
  redirect_uris: z
    .array(z.string().trim())
    .transform((uris) => uris.flatMap((uri) => uri.split(/\s+/)).filter(Boolean))
    .pipe(z.array(z.string()).min(1, "Redirect URI can't be blank")),
  scopes: z.string().optional(),
  website: z.string().trim().optional(),
});

function applicationType(uris: string[]): 'web' | 'native' {
  const parsed = uris.map((uri) => new URL(uri));
  if (parsed.every((url) => url.protocol === 'https:' || url.protocol === 'http:')) return 'web';
  return 'native';
}

/**
 * The app rides on its client's stored metadata (oidc-provider ignores fields it does not know), so
 * that it expires with the client, after a week unused, and is kept alive by the same use.
 */
const APP_FIELD = 'playground_mastodon_app';

/** The app registered as `clientId`; apps registered before they rode on their client are documents. */
export async function findApp(server: AuthorizationServer, clientId: string) {
  const client = await server.storage.find('Client', clientId);
  const app = mastodonApp.safeParse(client?.[APP_FIELD]);
  return app.success ? app.data : server.storage.getDocument('app', clientId, mastodonApp);
}

/** POST /api/v1/apps: a real client in the authorization server, answered as Mastodon answers. */
export async function registerApp(server: AuthorizationServer, params: Params) {
  const origin = server.env.publicOrigin;
  const redirectParam = params.redirect_uris;
  const parsed = appParams.safeParse({
    client_name: one(params, 'client_name'),
    redirect_uris:
      redirectParam === undefined ? [] : Array.isArray(redirectParam) ? redirectParam : [redirectParam],
    scopes: one(params, 'scopes'),
    website: one(params, 'website'),
  });
  if (!parsed.success) throw validationFailed(parsed.error.issues.map((issue) => issue.message).join(', '));
  const { client_name, redirect_uris } = parsed.data;
  for (const uri of redirect_uris) {
    if (uri !== OOB && !URL.canParse(uri)) throw validationFailed('Redirect URI must be an absolute URI.');
  }
  const scopes = parseScopes(parsed.data.scopes || 'read');
  const unknown = scopes.filter((scope) => !APP_SCOPES.has(scope));
  if (unknown.length) throw validationFailed(`Scopes are invalid (unknown: ${unknown.join(' ')})`);
  const website = parsed.data.website || null;
  if (website && !URL.canParse(website)) throw validationFailed('Website is invalid');

  const providerRedirects = redirect_uris.map((uri) => toProviderRedirect(uri, origin));
  const metadata: ClientMetadata = {
    client_id: randomBytes(32).toString('base64url'),
    client_secret: randomBytes(32).toString('base64url'),
    client_name,
    redirect_uris: providerRedirects,
    grant_types: ['authorization_code', 'client_credentials', 'password'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic' as const,
    application_type: applicationType(providerRedirects),
    scope: expandScopes(scopes).join(' '),
    // PKCE stays optional for Mastodon apps, as on Mastodon (see lib/oidc/pkce-policy.ts).
    [MASTODON_APP]: true,
  };
  try {
    await server.provider.Client.validate(metadata);
  } catch (error) {
    const description =
      (error instanceof errors.OIDCProviderError ? error.error_description : undefined) ??
      'invalid client metadata';
    throw validationFailed(`Redirect URI ${description.replace(/^redirect_uris /, '')}`);
  }
  const clientId = metadata.client_id;
  const app: MastodonApp = {
    id: await nextId(server.storage),
    name: client_name,
    website,
    scopes,
    redirect_uris,
    client_id: clientId,
    created_at: new Date().toISOString(),
  };
  await server.storage.upsert('Client', clientId, { ...metadata, [APP_FIELD]: app }, CLIENT_IDLE_SECONDS);
  return {
    ...applicationEntity(app),
    client_id: clientId,
    client_secret: metadata.client_secret,
    client_secret_expires_at: 0,
  };
}

/** Mastodon's Application entity, without credentials. */
const applicationEntity = (app: Omit<MastodonApp, 'client_id' | 'created_at'>) => ({
  id: app.id,
  name: app.name,
  website: app.website,
  scopes: app.scopes,
  redirect_uris: app.redirect_uris,
  // Deprecated but still read by some clients (megalodon builds its authorize URL from it).
  redirect_uri: app.redirect_uris.join('\n'),
  vapid_key: '',
});

/**
 * The scopes a client may ask for, as Mastodon's app record lists them: those it registered (RFC 7591
 * §2 `scope`), or, for a client registered without any, every scope, which the top-level ones cover.
 */
export const registeredScopes = (scope: string | undefined): string[] =>
  scope ? parseScopes(scope) : [...UNRESTRICTED_SCOPES];
const UNRESTRICTED_SCOPES = ['read', 'write', 'follow', 'push', 'profile'] as const;

/** GET /api/v1/apps/verify_credentials: the calling app, without its secret. */
export async function appOfClient(server: AuthorizationServer, clientId: string) {
  const app = await findApp(server, clientId);
  if (app) return applicationEntity(app);
  const client = await server.provider.Client.find(clientId);
  if (!client) throw new MastodonError(401, 'The access token is invalid');
  // A playground client that was not registered through /api/v1/apps (a demo client, or one from /oidc/reg).
  return applicationEntity({
    id: clientId,
    name: client.clientName ?? clientId,
    website: null,
    scopes: registeredScopes(client.scope),
    redirect_uris: [...(client.redirectUris ?? [])],
  });
}
