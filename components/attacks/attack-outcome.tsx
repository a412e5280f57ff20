'use client';

import { useEffect, useRef } from 'react';
import type { Verdict } from '@/lib/attacks/types';

/**
 * How the run ended, in a status region: the attack's proof, or who stopped it and with what error.
 * When the verdict arrives it is brought into view within the step pane (the pane scrolls, the page
 * does not), so that what the run did shows beside the diagram without the learner scrolling.
 */
export function AttackOutcome({ verdict, running }: { verdict?: Verdict; running: boolean }) {
  const region = useRef<HTMLDivElement>(null);
  const outcome = verdict?.outcome;
  useEffect(() => {
    if (!outcome) return;
    // After the step card has moved the pane to the last response (its effect runs after this one):
    // the verdict is what the run did, so it is what stays in view.
    const frame = requestAnimationFrame(() => region.current?.scrollIntoView({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [outcome]);
  return (
    <div
      ref={region}
      role="status"
      aria-label="Outcome"
      className={`rounded-lg border-l-4 px-4 py-3 ${
        verdict?.outcome === 'succeeded'
          ? 'border-red-700 bg-red-50'
          : verdict?.outcome === 'blocked'
            ? 'border-emerald-700 bg-emerald-50'
            : 'border-slate-400 bg-slate-50'
      }`}
    >
      {verdict?.outcome === 'succeeded' ? (
        <>
          <p className="font-bold text-red-800">Attack succeeded</p>
          <p className="mt-1 text-sm text-slate-800">{verdict.proof}</p>
        </>
      ) : verdict?.outcome === 'blocked' ? (
        <>
          <p className="font-bold text-emerald-800">Attack blocked</p>
          <p className="mt-1 text-sm text-slate-800">
            Stopped by {verdict.by}: <code className="font-semibold">{verdict.error.error}</code>
            {/* In brackets, a description's own closing full stop would double the sentence's. */}
            {verdict.error.error_description ? (
              <> ({verdict.error.error_description.replace(/\.$/, '')})</>
            ) : null}
            {verdict.error.status ? <>, HTTP {verdict.error.status}</> : null}.
          </p>
          {verdict.detail ? <p className="mt-1 text-sm text-slate-800">{verdict.detail}</p> : null}
        </>
      ) : (
        <p className="text-sm text-slate-700">
          {running
            ? 'The attack is running…'
            : 'Not run yet: press “Run the attack”, or step through it with “Next step”.'}
        </p>
      )}
    </div>
  );
}
