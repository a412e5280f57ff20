import { describe, expect, it } from 'vitest';
import type { AuthorizationServer } from '../oidc/provider';
import { CLIENT_IDLE_SECONDS } from '../storage';
import { openSqliteStorage } from '../storage/sqlite';
import { manualClock } from '../testing/clock';
import { appOfClient, findApp, registerApp, registeredScopes } from './apps';

// Only what registerApp reads of the authorization server: its storage, origin and client validation.
function serverAt(now: () => number) {
  return {
    storage: openSqliteStorage(':memory:', { now }),
    env: { publicOrigin: 'http://localhost:3999' },
    provider: { Client: { validate: async () => undefined } },
  } as unknown as AuthorizationServer;
}

describe('Mastodon apps', () => {
  it('expire with their client after CLIENT_IDLE_SECONDS unused', async () => {
    const clock = manualClock(Date.now());
    const server = serverAt(clock.now);
    const registered = await registerApp(server, {
      client_name: 'Idle app',
      redirect_uris: 'urn:ietf:wg:oauth:2.0:oob',
    });
    expect(await findApp(server, registered.client_id)).toMatchObject({ name: 'Idle app' });
    clock.advance(CLIENT_IDLE_SECONDS - 1);
    expect(await findApp(server, registered.client_id)).toMatchObject({ name: 'Idle app' });
    clock.advance(1);
    expect(await findApp(server, registered.client_id)).toBeUndefined();
    expect(await server.storage.find('Client', registered.client_id)).toBeUndefined();
  });

  it('lists a client’s registered scopes in its record, as the authorization server grants them', async () => {
    const server = serverAt(Date.now);
    (server.provider.Client as unknown as { find: (id: string) => unknown }).find = async () => ({
      clientName: 'Playground Machine-to-Machine Service',
      scope: 'read write:statuses',
      redirectUris: [],
    });
    expect(await appOfClient(server, 'playground-service')).toMatchObject({
      name: 'Playground Machine-to-Machine Service',
      scopes: ['read', 'write:statuses'],
    });
  });

  it('says a client registered without scopes may ask for all of them, not just read', () => {
    expect(registeredScopes(undefined)).toEqual(['read', 'write', 'follow', 'push', 'profile']);
    expect(registeredScopes('read')).toEqual(['read']);
  });
});
