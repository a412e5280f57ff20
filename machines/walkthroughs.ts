import type { AttackScenario } from '../lib/attacks/types';
import type { RegisteredGrant } from '../lib/grants/catalogue';
import type { WalkthroughMachine } from './walkthrough/create-walkthrough-machine';

/**
 * Each grant's and attack scenario's walkthrough, loaded when a page asks for it, so that a page's
 * scripts carry the one walkthrough it shows. The registries (machines/registry.ts,
 * machines/attacks/registry.ts) import every definition for the server and the home page; a browser page
 * imports this module instead. One line per grant or scenario, in the registry's order: a test checks
 * that these lists and the registries agree.
 */
const GRANTS: Record<string, () => Promise<RegisteredGrant>> = {
  'authorization-code': async () => (await import('./authorization-code/steps')).authorizationCode,
  'authorization-code-pkce': async () =>
    (await import('./authorization-code-pkce/steps')).authorizationCodePkce,
  implicit: async () => (await import('./implicit/steps')).implicit,
  'client-credentials': async () => (await import('./client-credentials/steps')).clientCredentials,
  password: async () => (await import('./password/steps')).password,
  'device-code': async () => (await import('./device-code/steps')).deviceCode,
  'refresh-token': async () => (await import('./refresh-token/steps')).refreshToken,
  'pushed-authorization-request': async () =>
    (await import('./pushed-authorization-request/steps')).pushedAuthorizationRequest,
  'private-key-jwt': async () => (await import('./private-key-jwt/steps')).privateKeyJwt,
  dpop: async () => (await import('./dpop/steps')).dpop,
  'token-exchange': async () => (await import('./token-exchange/steps')).tokenExchange,
};

const ATTACKS: Record<string, () => Promise<AttackScenario>> = {
  'csrf-missing-state': async () => (await import('./attacks/csrf-missing-state/steps')).csrfMissingState,
  'authorization-code-interception': async () =>
    (await import('./attacks/authorization-code-interception/steps')).authorizationCodeInterception,
  'pkce-downgrade': async () => (await import('./attacks/pkce-downgrade/steps')).pkceDowngrade,
  'redirect-uri-manipulation': async () =>
    (await import('./attacks/redirect-uri-manipulation/steps')).redirectUriManipulation,
  'refresh-token-replay': async () =>
    (await import('./attacks/refresh-token-replay/steps')).refreshTokenReplay,
  'mix-up': async () => (await import('./attacks/mix-up/steps')).mixUp,
  'implicit-token-leak': async () => (await import('./attacks/implicit-token-leak/steps')).implicitTokenLeak,
  'jwt-algorithm-confusion': async () =>
    (await import('./attacks/jwt-algorithm-confusion/steps')).jwtAlgorithmConfusion,
  'bearer-token-replay': async () => (await import('./attacks/bearer-token-replay/steps')).bearerTokenReplay,
};

/** A walkthrough ready to run: its definition and the machine built from its steps. */
export type LoadedWalkthrough<
  Definition extends RegisteredGrant | AttackScenario = RegisteredGrant | AttackScenario,
> = {
  grant: Definition;
  machine: WalkthroughMachine;
};

/** Loads by slug, each definition once for the page's life (as the registries' modules built them). */
function loaderOf<Definition extends RegisteredGrant | AttackScenario>(
  loaders: Record<string, () => Promise<Definition>>,
) {
  const loaded = new Map<string, Promise<LoadedWalkthrough<Definition>>>();
  return (slug: string): Promise<LoadedWalkthrough<Definition> | undefined> => {
    if (!Object.hasOwn(loaders, slug)) return Promise.resolve(undefined);
    let walkthrough = loaded.get(slug);
    if (!walkthrough) {
      // The engine (XState and the machine's builder) comes with the first walkthrough, not with the page.
      walkthrough = Promise.all([loaders[slug]!(), import('./walkthrough/create-walkthrough-machine')]).then(
        ([grant, { createWalkthroughMachine }]) => ({ grant, machine: createWalkthroughMachine(grant) }),
      );
      // A failed load (the network dropped the chunk) is tried again next time.
      walkthrough.catch(() => loaded.delete(slug));
      loaded.set(slug, walkthrough);
    }
    return walkthrough;
  };
}

/** A grant's walkthrough (a page under /grants), or nothing for a slug that names none. */
export const loadGrantWalkthrough = loaderOf(GRANTS);

/** An attack scenario's walkthrough (a page of the lab), or nothing for a slug that names none. */
export const loadAttackWalkthrough = loaderOf(ATTACKS);

/** A grant's or a scenario's walkthrough: a room's student explores whichever the instructor shows. */
export const loadAnyWalkthrough = async (slug: string): Promise<LoadedWalkthrough | undefined> =>
  (await loadGrantWalkthrough(slug)) ?? (await loadAttackWalkthrough(slug));

/** The slugs this module can load, in order (for the test that holds them to the registries). */
export const loadableSlugs = { grants: Object.keys(GRANTS), attacks: Object.keys(ATTACKS) };
