/**
 * Runs once when the server starts, before it answers any request (Next awaits `register`).
 * - Stamps each request with its socket's peer address (lib/http/peer-address.ts): the client address
 *   policy needs it and Next offers no other way to it.
 * - Hands the authorization server its clients from the registries (app/composition.ts): lib/ does not
 *   import machines/.
 * - Hands proxy.ts the learner key's loader, so that the proxy signs learner ids without bundling the
 *   storage. Loaded on first use, not here: `next build` may call `register` too.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { composeTheServer } = await import('./app/composition');
  composeTheServer();
  const { stampPeerAddresses } = await import('./lib/http/peer-address');
  stampPeerAddresses();
  const { learnerKey } = await import('./lib/trace/learner-key');
  globalThis.playgroundLearnerKeySource = learnerKey;
}
