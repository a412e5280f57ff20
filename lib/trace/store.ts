import type { NewTraceEvent, TraceEvent } from './types';

export type TraceListener = (event: TraceEvent) => void;

/**
 * Per-learner traces: bounded (the newest `maxEvents`, and at most `maxBytesPerLearner`), expiring
 * after `idleMs` without activity, and all of them together held within `maxTotalBytes`. In memory,
 * per process: the HTTP exchanges of one learner pass through the instance that records them and the
 * stream they read.
 */
export interface TraceStore {
  append(learnerId: string, event: NewTraceEvent): TraceEvent;
  /** Events with `seq` greater than `afterSeq`, oldest first. */
  list(learnerId: string, afterSeq?: number): TraceEvent[];
  subscribe(learnerId: string, listener: TraceListener): () => void;
  clear(learnerId: string): void;
}

type Trace = {
  events: TraceEvent[];
  /** What `events` weigh, by `weightOf`. */
  bytes: number;
  nextSeq: number;
  touched: number;
  listeners: Set<TraceListener>;
};

export type MemoryTraceStoreOptions = {
  maxEvents?: number;
  maxBytesPerLearner?: number;
  maxTotalBytes?: number;
  idleMs?: number;
  maxLearners?: number;
  now?: () => number;
};

/** 256 KB per learner keeps a whole walkthrough (a few dozen exchanges) with room to spare. */
export const MAX_TRACE_BYTES_PER_LEARNER = 256 * 1024;
/** All learners together: a class of 200 with full traces is 50 MB. */
export const MAX_TRACE_BYTES_TOTAL = 64 * 1024 * 1024;

// Ids, times, roles and the objects holding them: a rough but fixed cost per exchange.
const EVENT_OVERHEAD_BYTES = 512;

/** Roughly what an event holds in memory: its strings (bodies, headers, URL) and a fixed overhead. */
export function weightOf(event: NewTraceEvent): number {
  let bytes = EVENT_OVERHEAD_BYTES + event.request.url.length;
  for (const message of [event.request, event.response]) {
    bytes += message.body?.length ?? 0;
    for (const [name, value] of message.headers) bytes += name.length + value.length;
  }
  return bytes;
}

export function createMemoryTraceStore(options: MemoryTraceStoreOptions = {}): TraceStore {
  const {
    maxEvents = 500,
    maxBytesPerLearner = MAX_TRACE_BYTES_PER_LEARNER,
    maxTotalBytes = MAX_TRACE_BYTES_TOTAL,
    idleMs = 2 * 60 * 60 * 1000,
    maxLearners = 10_000,
    now = Date.now,
  } = options;
  const traces = new Map<string, Trace>();
  let totalBytes = 0;

  const expired = (trace: Trace) => trace.listeners.size === 0 && now() - trace.touched > idleMs;

  function forget(learnerId: string, trace: Trace) {
    totalBytes -= trace.bytes;
    traces.delete(learnerId);
  }

  function dropOldest(trace: Trace) {
    trace.bytes -= weightOf(trace.events.shift()!);
  }

  function sweep() {
    for (const [learnerId, trace] of traces) if (expired(trace)) forget(learnerId, trace);
    // Still too many: drop the least recently touched idle traces (a Map keeps insertion order).
    for (const [learnerId, trace] of traces) {
      if (traces.size <= maxLearners) break;
      if (trace.listeners.size === 0) forget(learnerId, trace);
    }
  }

  /**
   * Over the total: the oldest events go first, those of the least recently touched traces, whose
   * learners are likeliest gone. The newest event of `keep` (just appended) always stays.
   */
  function shrinkToTotal(keep: Trace) {
    for (const [learnerId, trace] of traces) {
      if (totalBytes <= maxTotalBytes) return;
      while (totalBytes > maxTotalBytes && trace.events.length > (trace === keep ? 1 : 0)) {
        const before = trace.bytes;
        dropOldest(trace);
        totalBytes -= before - trace.bytes;
      }
      if (trace.events.length === 0 && trace.listeners.size === 0) forget(learnerId, trace);
    }
  }

  function traceOf(learnerId: string): Trace {
    let trace = traces.get(learnerId);
    if (trace && expired(trace)) {
      forget(learnerId, trace);
      trace = undefined;
    }
    if (!trace) {
      trace = { events: [], bytes: 0, nextSeq: 1, touched: now(), listeners: new Set() };
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
      const before = trace.bytes;
      trace.events.push(event);
      trace.bytes += weightOf(event);
      while (trace.events.length > maxEvents || (trace.bytes > maxBytesPerLearner && trace.events.length > 1))
        dropOldest(trace);
      totalBytes += trace.bytes - before;
      if (totalBytes > maxTotalBytes) shrinkToTotal(trace);
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
      if (!trace) return;
      totalBytes -= trace.bytes;
      trace.events = [];
      trace.bytes = 0;
    },
  };
}
