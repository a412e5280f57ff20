'use client';

import { useEffect, useSyncExternalStore } from 'react';

const unchanging = () => () => {};
const askedFor = () => new URLSearchParams(window.location.search).get('present') === '1';

/**
 * A student's screen drawn for a projector, as the presenter view is (`?present=1`): large type, the
 * chrome hidden (app/globals.css, `html[data-present]`). Nothing to reveal: a room's view is masked.
 */
export function useProjector(): boolean {
  const projector = useSyncExternalStore(unchanging, askedFor, () => false);
  useEffect(() => {
    if (!projector) return;
    document.documentElement.dataset.present = '1';
    return () => {
      delete document.documentElement.dataset.present;
    };
  }, [projector]);
  return projector;
}
