import { z } from 'zod/mini';
import { ROLE_NAMES } from './roles';
import type { HeaderList, TraceEvent } from './types';

/**
 * A recorded exchange as it arrives from outside the process that recorded it: the trace stream (SSE),
 * a tab's sessionStorage, an exported trace. Unknown fields are kept, so a reader passes on what a
 * newer recorder adds.
 */
export const role = z.enum(ROLE_NAMES);

export const headerList = z.array(z.tuple([z.string(), z.string()])) satisfies z.ZodMiniType<HeaderList>;

const recordedMessage = {
  headers: headerList,
  body: z.nullable(z.string()),
  bodyEncoding: z.enum(['utf8', 'base64']),
  truncated: z.boolean(),
  bodyBytes: z.optional(z.number()),
};

export const traceEvent = z.looseObject({
  id: z.string(),
  seq: z.number(),
  time: z.string(),
  durationMs: z.number(),
  from: role,
  to: role,
  channel: z.enum(['front', 'back']),
  run: z.optional(z.string()),
  request: z.looseObject({ ...recordedMessage, method: z.string(), url: z.string() }),
  response: z.looseObject({ ...recordedMessage, status: z.number() }),
  note: z.optional(z.string()),
}) satisfies z.ZodMiniType<TraceEvent>;
