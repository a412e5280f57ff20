import type { NewTraceEvent, TraceEvent } from './types';

export type TraceListener = (event: TraceEvent) => void;

/**
 * Per-learner traces: bounded (the newest `maxEvents`) and expiring after `idleMs` without activity.
 * In memory, per process: the HTTP exchanges of one learner pass through the instance that records
 * them and the stream they read.
 */
export interface TraceStore {
  append(learnerId: string, event: NewTraceEvent): TraceEvent;
  /** Events with `seq` greater than `afterSeq`, oldest first. */
  list(learnerId: string, afterSeq?: number): TraceEvent[];
  subscribe(learnerId: string, listener: TraceListener): () => void;
  clear(learnerId: string): void;
}

type Trace = { events: TraceEvent[]; nextSeq: number; touched: number; listeners: Set<TraceListener> };

export type MemoryTraceStoreOptions = {
  maxEvents?: number;
  idleMs?: number;
  maxLearners?: number;
  now?: () => number;
};

export function createMemoryTraceStore(options: MemoryTraceStoreOptions = {}): TraceStore {
  const { maxEvents = 500, idleMs = 2 * 60 * 60 * 1000, maxLearners = 10_000, now = Date.now } = options;
  const traces = new Map<string, Trace>();

  const expired = (trace: Trace) => trace.listeners.size === 0 && now() - trace.touched > idleMs;

  function sweep() {
    for (const [learnerId, trace] of traces) if (expired(trace)) traces.delete(learnerId);
    // Still too many: drop the least recently touched idle traces (a Map keeps insertion order).
    for (const [learnerId, trace] of traces) {
      if (traces.size <= maxLearners) break;
      if (trace.listeners.size === 0) traces.delete(learnerId);
    }
  }

  function traceOf(learnerId: string): Trace {
    let trace = traces.get(learnerId);
    if (trace && expired(trace)) {
      traces.delete(learnerId);
      trace = undefined;
    }
    if (!trace) {
      trace = { events: [], nextSeq: 1, touched: now(), listeners: new Set() };
      traces.set(learnerId, trace);
      if (traces.size > maxLearners) sweep();
    } else {
      // Re-insert so that iteration order is least recently touched first.
      traces.delete(learnerId);
      traces.set(learnerId, trace);
    }
    trace.touched = now();
    return trace;
  }

  return {
    append(learnerId, newEvent) {
      const trace = traceOf(learnerId);
      const event: TraceEvent = { ...newEvent, seq: trace.nextSeq++ };
      trace.events.push(event);
      if (trace.events.length > maxEvents) trace.events.splice(0, trace.events.length - maxEvents);
      for (const listener of trace.listeners) listener(event);
      return event;
    },
    list(learnerId, afterSeq = 0) {
      const trace = traces.get(learnerId);
      if (!trace || expired(trace)) return [];
      return trace.events.filter((event) => event.seq > afterSeq);
    },
    subscribe(learnerId, listener) {
      const trace = traceOf(learnerId);
      trace.listeners.add(listener);
      return () => {
        trace.listeners.delete(listener);
        trace.touched = now();
      };
    },
    clear(learnerId) {
      const trace = traces.get(learnerId);
      if (trace) trace.events = [];
    },
  };
}
