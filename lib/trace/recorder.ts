import { randomUUID } from 'node:crypto';
import { readEnv } from '../config/env';
import { recordedHeaderValue } from './cookie-labels';
import { MAX_RECORDED_BODY } from './limits';
import { publicUrl } from './public-url';
import { runOf } from './run';
import type { TraceStore } from './store';
import type { Channel, HeaderList, RecordedMessage, Role, TraceEvent } from './types';

export { MAX_RECORDED_BODY };

const TEXTUAL =
  /^(text\/|application\/(json|x-www-form-urlencoded|javascript|jwt|[a-z.+-]*\+json|[a-z.+-]*\+jwt|xml))/i;

export type Exchange = {
  learnerId: string | undefined;
  from: Role;
  to: Role;
  channel: Channel;
  /** Wall-clock time the request arrived (ms since the epoch) and how long the answer took. */
  startedAt: number;
  durationMs: number;
  /** `url` as the route handler got it: the recorder moves it to the public origin (./public-url.ts). */
  request: { method: string; url: string; headers: Headers; body: Uint8Array | null };
  response: { status: number; headers: Headers; body: Uint8Array | null };
  /** Form fields whose values are replaced before recording (a login form's password). */
  redactFormFields?: string[];
};

/** The headers as sent, less the server's own secrets (./cookie-labels.ts). */
function headerList(headers: Headers): HeaderList {
  const list: HeaderList = [];
  const add = (name: string, value: string) => {
    const recorded = recordedHeaderValue(name, value);
    if (recorded !== undefined) list.push([name, recorded]);
  };
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') add(name, value);
  });
  for (const cookie of headers.getSetCookie()) add('set-cookie', cookie);
  return list;
}

function recordBody(
  body: Uint8Array | null,
  contentType: string | null,
  redact: string[] = [],
): Omit<RecordedMessage, 'headers'> {
  if (!body || body.length === 0) return { body: null, bodyEncoding: 'utf8', truncated: false };
  const truncated = body.length > MAX_RECORDED_BODY;
  const size = truncated ? { bodyBytes: body.length } : {};
  const kept = Buffer.from(body.buffer, body.byteOffset, Math.min(body.length, MAX_RECORDED_BODY));
  const textual = !contentType || TEXTUAL.test(contentType);
  if (!textual) return { body: kept.toString('base64'), bodyEncoding: 'base64', truncated, ...size };
  let text = kept.toString('utf8');
  if (redact.length && contentType?.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(text);
    for (const field of redact) if (form.has(field)) form.set(field, '[redacted]');
    text = form.toString();
  }
  return { body: text, bodyEncoding: 'utf8', truncated, ...size };
}

/**
 * Turns one HTTP exchange into a trace event for its learner, addressed at the public origin. Exchanges
 * with no learner are not kept.
 */
export function recordExchange(
  store: TraceStore,
  exchange: Exchange,
  publicOrigin = readEnv().publicOrigin,
): TraceEvent | undefined {
  if (!exchange.learnerId) return undefined;
  const { request, response } = exchange;
  return store.append(exchange.learnerId, {
    id: randomUUID(),
    time: new Date(exchange.startedAt).toISOString(),
    durationMs: exchange.durationMs,
    from: exchange.from,
    to: exchange.to,
    channel: exchange.channel,
    run: runOf(request.headers),
    request: {
      method: request.method,
      url: publicUrl(request.url, publicOrigin),
      headers: headerList(request.headers),
      ...recordBody(request.body, request.headers.get('content-type'), exchange.redactFormFields),
    },
    response: {
      status: response.status,
      headers: headerList(response.headers),
      ...recordBody(response.body, response.headers.get('content-type')),
    },
  } satisfies Omit<TraceEvent, 'seq'>);
}
