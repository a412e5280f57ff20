import { useSyncExternalStore } from 'react';

/**
 * A module a page needs only after its first paint (what a step shows once its request has gone, a token's
 * card): `preload()` loads it (the page asks once it is drawn), and `useModule()` reads it, undefined until
 * it has arrived, then re-rendering once. Once loaded it is read at once, so what it draws never blinks in.
 * A failed load (a dropped chunk) is tried again by the next preload.
 */
export function laterModule<Module>(load: () => Promise<Module>) {
  let loaded: Module | undefined;
  let pending: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  const preload = () => {
    pending ??= load().then(
      (module) => {
        loaded = module;
        for (const listener of listeners) listener();
      },
      () => {
        pending = undefined;
      },
    );
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    preload();
    return () => {
      listeners.delete(listener);
    };
  };
  const read = () => loaded;
  return {
    preload,
    /** What useModule reads: the module once it has arrived; subscribing starts the load. */
    subscribe,
    read,
    useModule: () => useSyncExternalStore(subscribe, read, () => undefined),
  };
}
