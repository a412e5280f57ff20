import 'server-only';
import { randomBytes } from 'node:crypto';
import { authorizationServer } from '../oidc/provider';
import { learnerCookiePair, learnerIdFromCookieHeader } from './learner';

declare global {
  var playgroundLearnerKey: Promise<Buffer> | undefined;
  /** Set by instrumentation.ts, so that proxy.ts gets the key without bundling the storage. */
  var playgroundLearnerKeySource: (() => Promise<Buffer>) | undefined;
}

/**
 * The key that signs learner ids. Generated once and kept in the storage, as oidc-provider's cookie
 * keys are (lib/oidc/keys.ts): learner cookies then survive restarts, and every instance sharing a
 * Redis accepts the ids any of them issued. Not taken from COOKIE_KEYS: rotating those would sign
 * every learner out of their trace, and one secret should do one job.
 */
export function learnerKey(): Promise<Buffer> {
  globalThis.playgroundLearnerKey ??= authorizationServer()
    .then(({ storage }) => storage.settingOrDefault('learner-key', randomBytes(32).toString('base64url')))
    .then((value) => Buffer.from(value, 'base64url'))
    .catch((error: unknown) => {
      globalThis.playgroundLearnerKey = undefined;
      throw error;
    });
  return globalThis.playgroundLearnerKey;
}

/** The learner a request's cookie names, if this server issued that id. */
export async function learnerOf(headers: Headers): Promise<string | undefined> {
  return learnerIdFromCookieHeader(headers.get('cookie'), await learnerKey());
}

/** The learner cookie a request carries, as `name=value`, if this server signed it. */
export async function learnerCookieOf(headers: Headers): Promise<string | undefined> {
  return learnerCookiePair(headers.get('cookie'), await learnerKey());
}
