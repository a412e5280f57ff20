'use client';

import { useSyncExternalStore } from 'react';

const unchanging = () => () => {};

/**
 * This server's origin followed by `path`, as the browser reached it. Pages that are prerendered once
 * for everyone (the home page, which a whole class opens at once) cannot know the origin when they are
 * built; the browser fills it in. It equals PUBLIC_ORIGIN wherever the walkthroughs work at all, since
 * their redirect URIs are built from it. Before hydration, the path alone.
 */
export function ThisOrigin({ path }: { path: string }) {
  const origin = useSyncExternalStore(
    unchanging,
    () => window.location.origin,
    () => '',
  );
  return (
    <>
      {origin}
      {path}
    </>
  );
}
