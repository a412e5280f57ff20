/**
 * An app registered on an instance, cached in this browser (localStorage) per instance and redirect
 * URI, so that learners do not register a new app on every visit. The secret never leaves the browser.
 */
export type CachedApp = {
  client_id: string;
  client_secret: string;
  scopes: string;
  registered_at: string;
};

const appKey = (instance: string, redirectUri: string) =>
  `playground:mastodon:app:${instance} ${redirectUri}`;

export function loadApp(instance: string, redirectUri: string): CachedApp | undefined {
  try {
    const app = JSON.parse(localStorage.getItem(appKey(instance, redirectUri)) ?? 'null') as CachedApp | null;
    return app?.client_id && app.client_secret ? app : undefined;
  } catch {
    return undefined;
  }
}

export function saveApp(instance: string, redirectUri: string, app: CachedApp) {
  localStorage.setItem(appKey(instance, redirectUri), JSON.stringify(app));
}

export function forgetApp(instance: string, redirectUri: string) {
  localStorage.removeItem(appKey(instance, redirectUri));
}

/** The instance this tab is working with, and how (redirect or out of band). */
export type Connection = { instance: string; variant: 'redirect' | 'oob' };

const CONNECTION_KEY = 'playground:mastodon:connection';

export function loadConnection(): Connection | undefined {
  try {
    const connection = JSON.parse(sessionStorage.getItem(CONNECTION_KEY) ?? 'null') as Connection | null;
    return connection?.instance ? connection : undefined;
  } catch {
    return undefined;
  }
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
