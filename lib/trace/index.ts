import { createMemoryTraceStore, type TraceStore } from './store';

export type { TraceStore } from './store';
export type { TraceEvent, Role, Channel } from './types';

declare global {
  var playgroundTraceStore: TraceStore | undefined;
}

/** The process's trace store, shared by every route module. */
export function traceStore(): TraceStore {
  globalThis.playgroundTraceStore ??= createMemoryTraceStore();
  return globalThis.playgroundTraceStore;
}
