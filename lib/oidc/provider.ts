import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JSONWebKeySet } from 'jose';
import Provider from 'oidc-provider';
import { readEnv, type PlaygroundEnv } from '../config/env';
import { allowPrefixRedirectUrisForWeakClients } from './weak-clients';
import { adapterClass, openStorage, type OidcStorage } from '../storage';
import { providerConfiguration } from './configuration';
import { authorizationServerPolicy } from './content-security-policy';
import { PASSWORD_GRANT_PARAMETERS, PASSWORD_GRANT_TYPE, passwordGrantHandler } from './grants/password';
import {
  TOKEN_EXCHANGE_DUPLICATES,
  TOKEN_EXCHANGE_GRANT_TYPE,
  TOKEN_EXCHANGE_PARAMETERS,
  tokenExchangeGrantHandler,
} from './grants/token-exchange';
import { loadProviderKeys, publicJwksOf } from './keys';
import { showAuthorizationErrorsOfRegisteredClients } from './registered-client-errors';
import { signingClientsPublicJwks } from '../client/client-keys';
import { sharedWindowCounter } from '../http/window-counter';
import { LearnerThrottle } from '../http/learner-throttle';
import { SIGN_IN_LIMITS, SIGN_IN_WINDOW_MS } from './sign-in-throttle';

export type AuthorizationServer = {
  env: PlaygroundEnv;
  storage: OidcStorage;
  provider: Provider;
  /** `provider.callback()`, made once: Koa composes its middleware on every call. */
  listener: (req: IncomingMessage, res: ServerResponse) => unknown;
  throttle: LearnerThrottle;
  /** The public half of its signing keys: what its own JWT access tokens verify with. */
  publicJwks: JSONWebKeySet;
};

const PURGE_EVERY_MS = 10 * 60 * 1000;

export async function createAuthorizationServer(env: PlaygroundEnv): Promise<AuthorizationServer> {
  const storage = openStorage(env);
  const keys = await loadProviderKeys(storage, env);
  const clientJwks = await signingClientsPublicJwks(storage);
  const configuration = providerConfiguration({
    origin: env.publicOrigin,
    keys,
    clientJwks,
    adapter: adapterClass(storage),
    authorizationCodeTtl: env.authorizationCodeTtl,
  });
  const provider = new Provider(env.issuer, configuration);
  provider.proxy = env.trustProxy > 0;
  // The attack lab's one client with a loose redirect URI check, deliberately vulnerable (weak-clients.ts).
  allowPrefixRedirectUrisForWeakClients(provider);
  provider.use(authorizationServerPolicy);
  // Clients registered at /oidc/reg get the error page, not a redirect, for a malformed request.
  showAuthorizationErrorsOfRegisteredClients(
    provider,
    new Set((configuration.clients ?? []).map((client) => client.client_id)),
  );
  const throttle = new LearnerThrottle(sharedWindowCounter('sign-in', SIGN_IN_WINDOW_MS), SIGN_IN_LIMITS);
  provider.registerGrantType(
    PASSWORD_GRANT_TYPE,
    passwordGrantHandler(provider, env.publicOrigin, throttle),
    PASSWORD_GRANT_PARAMETERS,
  );
  provider.registerGrantType(
    TOKEN_EXCHANGE_GRANT_TYPE,
    tokenExchangeGrantHandler(provider, env.publicOrigin, keys),
    TOKEN_EXCHANGE_PARAMETERS,
    TOKEN_EXCHANGE_DUPLICATES,
  );
  provider.on('server_error', (_ctx, error: Error) => {
    console.error('[authorization server] server_error:', error.message);
  });

  await storage.purgeExpired();
  setInterval(() => void storage.purgeExpired().catch(() => undefined), PURGE_EVERY_MS).unref();

  return { env, storage, provider, listener: provider.callback(), throttle, publicJwks: publicJwksOf(keys) };
}

declare global {
  var playgroundAuthorizationServer: Promise<AuthorizationServer> | undefined;
}

/**
 * The one authorization server of this process, created on first use (never at import: `next build`
 * evaluates route modules) and kept on globalThis so that every route module shares it.
 */
export function authorizationServer(): Promise<AuthorizationServer> {
  globalThis.playgroundAuthorizationServer ??= createAuthorizationServer(readEnv()).catch(
    (error: unknown) => {
      globalThis.playgroundAuthorizationServer = undefined;
      throw error;
    },
  );
  return globalThis.playgroundAuthorizationServer;
}
