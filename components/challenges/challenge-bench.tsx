'use client';

import dynamic from 'next/dynamic';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** What a check tells the learner's log: the exchanges it names, and which one to open. */
type ChallengeTrace = {
  mark(seqs: readonly number[], label: string): void;
  show(seq: number): void;
};

const ChallengeTraceContext = createContext<ChallengeTrace | undefined>(undefined);

/** The log beside a challenge, for its check to mark and open exchanges in (none outside a bench). */
export const useChallengeTrace = () => useContext(ChallengeTraceContext);

const ChallengeLog = dynamic(() => import('./challenge-log'), {
  ssr: false,
  loading: () => <p className="text-slate-600">Loading your trace…</p>,
});

/**
 * A challenge beside the learner's own trace, as the workbench lays out a walkthrough: from 1024 px wide
 * one screen high, the challenge on the left and the HTTP log on the right, each scrolling on its own, so
 * that a check's verdict and the exchanges it names are seen together.
 */
export function ChallengeBench({ children }: { children: ReactNode }) {
  const [marks, setMarks] = useState<ReadonlyMap<number, string>>(new Map());
  const [selectedSeq, setSelectedSeq] = useState<number>();
  const trace = useMemo<ChallengeTrace>(
    () => ({
      mark: (seqs, label) => setMarks(new Map(seqs.map((seq) => [seq, label]))),
      show: (seq) => {
        setSelectedSeq(seq);
        document.querySelector<HTMLElement>(`.challenge-log li[data-seq="${seq}"] summary`)?.focus();
      },
    }),
    [],
  );
  return (
    <div className="challenge-bench">
      <div className="challenge-brief space-y-6">
        <ChallengeTraceContext.Provider value={trace}>{children}</ChallengeTraceContext.Provider>
      </div>
      <div className="challenge-log">
        <ChallengeLog marks={marks} selectedSeq={selectedSeq} onSelect={setSelectedSeq} />
      </div>
    </div>
  );
}
