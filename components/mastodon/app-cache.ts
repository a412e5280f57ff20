import { z } from 'zod/mini';
import { parseStored } from '@/lib/stored-json';

/**
 * An app registered on an instance, cached in this browser (localStorage) per instance and redirect
 * URI, so that learners do not register a new app on every visit. The secret never leaves the browser.
 */
const cachedApp = z.object({
  client_id: z.string().check(z.minLength(1)),
  client_secret: z.string().check(z.minLength(1)),
  scopes: z.string(),
  registered_at: z.string(),
});
export type CachedApp = z.infer<typeof cachedApp>;

const appKey = (instance: string, redirectUri: string) =>
  `playground:mastodon:app:${instance} ${redirectUri}`;

export function loadApp(instance: string, redirectUri: string): CachedApp | undefined {
  return parseStored(localStorage.getItem(appKey(instance, redirectUri)), cachedApp);
}

export function saveApp(instance: string, redirectUri: string, app: CachedApp) {
  localStorage.setItem(appKey(instance, redirectUri), JSON.stringify(app));
}

export function forgetApp(instance: string, redirectUri: string) {
  localStorage.removeItem(appKey(instance, redirectUri));
}

/** The instance this tab is working with, and how (redirect or out of band). */
const connection = z.object({
  instance: z.string().check(z.minLength(1)),
  variant: z.enum(['redirect', 'oob']),
});
export type Connection = z.infer<typeof connection>;

const CONNECTION_KEY = 'playground:mastodon:connection';

export function loadConnection(): Connection | undefined {
  return parseStored(sessionStorage.getItem(CONNECTION_KEY), connection);
}

export function saveConnection(connection: Connection | undefined) {
  if (connection) sessionStorage.setItem(CONNECTION_KEY, JSON.stringify(connection));
  else sessionStorage.removeItem(CONNECTION_KEY);
}

/** invalid_client is answered by registering again once per instance and tab; a second time, explained. */
const REREGISTERED_KEY = 'playground:mastodon:reregistered';

export function alreadyReregistered(instance: string): boolean {
  return sessionStorage.getItem(REREGISTERED_KEY) === instance;
}

export function markReregistered(instance: string | undefined) {
  if (instance) sessionStorage.setItem(REREGISTERED_KEY, instance);
  else sessionStorage.removeItem(REREGISTERED_KEY);
}
