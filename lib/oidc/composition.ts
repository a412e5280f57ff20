import type { KoaContextWithOIDC } from 'oidc-provider';
import type { DemoClient } from './demo-client';
import type { WeakClient } from './weak-clients';

/**
 * What the authorization server and its client backend are handed rather than import: the clients the
 * walkthroughs play, the clients registered weak on purpose (the attack lab's), and which sign-in
 * sessions are throwaway (the attacker's). lib/ imports neither machines/ nor the attack lab's
 * scenarios; the composition root (app/composition.ts) imports both and hands them in once, when the
 * server starts (instrumentation.ts), before any request is answered.
 */
export type ServerComposition = {
  /** The walkthroughs' demo clients, each once. */
  demoClients: readonly DemoClient[];
  /** Clients registered apart, some with a weakness on purpose; the home page and the client backend skip them. */
  weakClients: readonly WeakClient[];
  /** A sign-in session to be kept only as long as a weak client's records (the attacker's own). */
  isThrowawaySession(ctx: KoaContextWithOIDC | undefined): boolean;
};

declare global {
  // On globalThis: Next bundles instrumentation and each route module apart, with modules of their own.
  var playgroundServerComposition: ServerComposition | undefined;
}

export function composeServer(composition: ServerComposition): void {
  globalThis.playgroundServerComposition = composition;
}

export function serverComposition(): ServerComposition {
  const composition = globalThis.playgroundServerComposition;
  if (!composition)
    throw new Error(
      'The authorization server was used before its clients were handed in: call composeServer() from app/composition.ts first (instrumentation.ts does, at start-up).',
    );
  return composition;
}
