'use client';

import { useEffect, useMemo, useState } from 'react';
import { traceEvent } from '@/lib/trace/schema';
import type { TraceEvent } from '@/lib/trace/types';

/** The exchange an `exchange` message of the trace stream carries; nothing for a malformed one. */
export function exchangeIn(data: unknown): TraceEvent | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    return traceEvent.parse(JSON.parse(data));
  } catch {
    return undefined;
  }
}

/**
 * The learner's recorded exchanges after `afterSeq` (only those of `runId` when given), live from the
 * trace stream (Server-Sent Events).
 */
export function useTrace(
  afterSeq: number | undefined,
  runId?: string,
): { events: TraceEvent[]; connected: boolean } {
  const [state, setState] = useState<{ after?: number; events: TraceEvent[]; connected: boolean }>({
    events: [],
    connected: false,
  });
  useEffect(() => {
    if (afterSeq === undefined) return;
    const source = new EventSource(`/api/trace/stream?after=${afterSeq}`);
    source.onopen = () => setState((current) => ({ ...current, connected: true }));
    source.onerror = () => setState((current) => ({ ...current, connected: false }));
    source.addEventListener('exchange', (message) => {
      // Start of a diagram update, for the diagram benchmark (e2e/bench/diagram.ts).
      performance.mark('trace-event');
      const event = exchangeIn(message.data);
      if (!event) return;
      setState((current) =>
        current.events.some((known) => known.seq === event.seq)
          ? current
          : { ...current, events: [...current.events, event] },
      );
    });
    return () => source.close();
  }, [afterSeq]);
  // A new run (another afterSeq) starts with an empty log; the stream then fills it.
  // Memoised, so that a page watching the events re-renders only when they change.
  const events = useMemo(
    () =>
      state.events.filter(
        (event) =>
          afterSeq !== undefined && event.seq > afterSeq && (runId === undefined || event.run === runId),
      ),
    [state.events, afterSeq, runId],
  );
  return { events, connected: state.connected };
}
