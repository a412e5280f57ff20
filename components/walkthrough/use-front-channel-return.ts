'use client';

import { useEffect } from 'react';
import type { WalkthroughActor } from './types';

/**
 * A run that left for the authorization server and shows up again without a callback came back by the
 * browser's Back button: freshly loaded from the tab's storage, or restored whole from the back-forward
 * cache (`pageshow` with `persisted`). Either way no response will arrive; the machine offers "Try again".
 */
export function useFrontChannelReturn(actor: WalkthroughActor, callbackUrl: string | undefined) {
  useEffect(() => {
    if (!callbackUrl && actor.getSnapshot().matches('redirecting')) actor.send({ type: 'RETURNED' });
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted && actor.getSnapshot().matches('redirecting')) actor.send({ type: 'RETURNED' });
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, [actor, callbackUrl]);
}
