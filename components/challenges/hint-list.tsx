'use client';

import { useEffect, useRef, useState } from 'react';

/** A challenge's hints, shown one at a time, each saying more than the one before. */
export function HintList({ hints }: { hints: readonly string[] }) {
  const [shown, setShown] = useState(0);
  const newest = useRef<HTMLLIElement>(null);
  const revealed = useRef(false);
  // The hint just revealed takes the focus: the button may be gone (the last hint), and a screen reader
  // reads the hint at once.
  useEffect(() => {
    if (revealed.current) newest.current?.focus();
  }, [shown]);
  return (
    <section aria-labelledby="hints">
      <h2 id="hints" className="text-xl font-bold">
        Hints
      </h2>
      {shown ? (
        <ol className="mt-2 list-decimal space-y-2 pl-6 text-slate-700">
          {hints.slice(0, shown).map((hint, index) => (
            <li key={hint} ref={index === shown - 1 ? newest : undefined} tabIndex={-1}>
              {hint}
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-slate-700">{hints.length} hints, each saying more than the one before.</p>
      )}
      {shown < hints.length ? (
        <button
          type="button"
          onClick={() => {
            revealed.current = true;
            setShown(shown + 1);
          }}
          className="mt-3 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50"
        >
          {shown ? 'Show another hint' : 'Show a hint'}
        </button>
      ) : null}
    </section>
  );
}
