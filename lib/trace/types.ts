/** The four roles of RFC 6749 section 1.1, as the diagram and the HTTP log name them. */
export type Role = 'resource-owner' | 'client' | 'authorization-server' | 'resource-server';

/** Front channel: through the resource owner's browser (redirects, navigations). Back channel: direct calls. */
export type Channel = 'front' | 'back';

export type HeaderList = Array<[name: string, value: string]>;

export type RecordedMessage = {
  headers: HeaderList;
  /** The body as text (UTF-8) or base64 for binary content; null when there is none. */
  body: string | null;
  bodyEncoding: 'utf8' | 'base64';
  /** True when the body was longer than the recorder keeps and was cut. */
  truncated: boolean;
  /** The body's length on the wire in bytes, when it was cut. */
  bodyBytes?: number;
};

/** One HTTP exchange between two roles, as it happened on the wire. */
export type TraceEvent = {
  id: string;
  /** Position in the learner's trace: strictly increasing, never reused. */
  seq: number;
  time: string;
  durationMs: number;
  from: Role;
  to: Role;
  channel: Channel;
  /** The walkthrough run that caused it, when the request said so (see run.ts). */
  run?: string;
  request: RecordedMessage & { method: string; url: string };
  response: RecordedMessage & { status: number };
  /** How it was recorded, when not by the playground's servers (in the browser, or observed on arrival). */
  note?: string;
};

export type NewTraceEvent = Omit<TraceEvent, 'seq'>;
