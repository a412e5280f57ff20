'use client';

import { useEffect, useRef } from 'react';

/**
 * The browser came back from the authorization server by its Back button (or from the back-forward
 * cache): the request went out, no response will come to it. Trying again sends it anew. The button
 * takes the focus: it is what the learner came back to, and it may be below the fold.
 */
export function InterruptedView({ onRetry }: { onRetry(): void }) {
  const retry = useRef<HTMLButtonElement>(null);
  useEffect(() => retry.current?.focus(), []);
  return (
    <div className="mt-4 rounded-lg border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
      <p className="font-semibold">You came back before the authorization server answered.</p>
      <p className="mt-1 text-slate-800">
        The browser left for the authorization server and returned by its Back button, so no response reached
        the redirect URI and nothing was issued. Try again to send the authorization request anew, or go Back
        to change its parameters first.
      </p>
      <button
        ref={retry}
        type="button"
        onClick={onRetry}
        className="mt-3 rounded-lg bg-as-accent px-4 py-1.5 font-semibold text-white hover:bg-as"
      >
        Try again
      </button>
    </div>
  );
}
