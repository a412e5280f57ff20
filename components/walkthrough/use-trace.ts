'use client';

import { useEffect, useState } from 'react';
import type { TraceEvent } from '@/lib/trace/types';

/** The learner's recorded exchanges after `afterSeq`, live from the trace stream (Server-Sent Events). */
export function useTrace(afterSeq: number | undefined): { events: TraceEvent[]; connected: boolean } {
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
      const event = JSON.parse((message as MessageEvent<string>).data) as TraceEvent;
      setState((current) =>
        current.events.some((known) => known.seq === event.seq)
          ? current
          : { ...current, events: [...current.events, event] },
      );
    });
    return () => source.close();
  }, [afterSeq]);
  // A new run (another afterSeq) starts with an empty log; the stream then fills it.
  return {
    events: state.events.filter((event) => afterSeq !== undefined && event.seq > afterSeq),
    connected: state.connected,
  };
}
