'use client';

import type { ReactNode } from 'react';
import type { ExchangeResult } from '@/lib/walkthrough/types';
import { responseMeaning, statusLine } from '@/lib/walkthrough/outcome';
import { clockTime } from './use-code-clock';

/** What the outcome line says: the answer to the last send, a refusal, the end, or a code that ran out. */
export type Outcome =
  | { kind: 'answered'; result: ExchangeResult; next?: string }
  | { kind: 'complete'; result?: ExchangeResult }
  | { kind: 'refused'; alert: ReactNode }
  | { kind: 'code-expired'; expiresAt: number; onNewCode(): void };

const chip = (status: number) => (
  <span
    className={`mr-2 inline-block rounded-full border px-2 font-semibold ${status < 400 ? 'border-emerald-700 bg-emerald-50 text-emerald-900' : 'border-red-700 bg-red-50 text-red-900'}`}
  >
    {statusLine(status)}
  </span>
);

/**
 * The outcome beside "Next step": the status, the response in one line (read from its body) and the way
 * forward. The full response stays in the step above, and the view moves to it after each send.
 */
export function StepOutcome({ outcome }: { outcome?: Outcome }) {
  if (!outcome) return null;
  return (
    <div aria-label="Outcome" role="group" className="mb-3 max-h-[45vh] overflow-y-auto">
      {outcome.kind === 'answered' ? (
        <p>
          {chip(outcome.result.status)}
          {responseMeaning(outcome.result)}
          {outcome.next ? <span className="text-slate-700"> Next: {outcome.next}.</span> : null}
        </p>
      ) : null}
      {outcome.kind === 'complete' ? (
        <>
          <p role="status" className="text-lg font-semibold text-emerald-900">
            Flow complete
          </p>
          <p>
            {outcome.result ? chip(outcome.result.status) : null}
            {outcome.result ? responseMeaning(outcome.result) : null} The recap above says who holds what now.
          </p>
        </>
      ) : null}
      {outcome.kind === 'refused' ? outcome.alert : null}
      {outcome.kind === 'code-expired' ? (
        <div className="rounded-lg border-l-4 border-amber-600 bg-amber-50 px-3 py-2">
          <p className="font-semibold">
            The code expired at {clockTime(outcome.expiresAt)}: the token endpoint would refuse it.
          </p>
          <button
            type="button"
            onClick={outcome.onNewCode}
            className="mt-2 rounded-lg bg-as-accent px-4 py-1.5 font-semibold text-white hover:bg-as"
          >
            Get a new code
          </button>
        </div>
      ) : null}
    </div>
  );
}
