import type { APIRequestContext } from '@playwright/test';
import { ORIGIN } from './origin';

export type RegisteredApp = {
  id: string;
  client_id: string;
  client_secret: string;
  name: string;
  redirect_uri: string;
  redirect_uris: string[];
  scopes: string[];
};

/** Registers a Mastodon app on the playground, as a Mastodon client would. */
export async function registerApp(
  request: APIRequestContext,
  data: Record<string, unknown> = {},
): Promise<RegisteredApp> {
  const response = await request.post(`${ORIGIN}/api/v1/apps`, {
    data: {
      client_name: 'E2E app',
      redirect_uris: `${ORIGIN}/callback`,
      scopes: 'read write profile',
      ...data,
    },
  });
  if (!response.ok())
    throw new Error(`app registration failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as RegisteredApp;
}

/** A user token by the password grant on the playground's /oauth/token (as Mastodon 4.3 still allowed). */
export function passwordToken(
  app: { client_id: string; client_secret: string },
  options: { username?: string; password?: string; scope?: string } = {},
): Promise<string> {
  return passwordTokenAt(ORIGIN, app, { scope: 'read write profile', ...options });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The media type Mastodon answers in, errors included. */
export const JSON_TYPE = 'application/json';

/** Registers an out-of-band Mastodon app on the playground at `origin` (another instance), with fetch. */
export async function registerAppAt(
  origin: string,
  { client_name = 'E2E app', scopes = 'read write' } = {},
): Promise<{ client_id: string; client_secret: string }> {
  const response = await fetch(`${origin}/api/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name, redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes }),
  });
  if (!response.ok) throw new Error(`app registration failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { client_id: string; client_secret: string };
}

/** alice's (or bob's) token by the password grant on `origin`'s /oauth/token, with fetch. */
export async function passwordTokenAt(
  origin: string,
  app: { client_id: string; client_secret: string },
  { scope = 'read write', username = 'alice', password = 'wonderland' } = {},
): Promise<string> {
  const response = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      username,
      password,
      scope,
      client_id: app.client_id,
      client_secret: app.client_secret,
    }),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
