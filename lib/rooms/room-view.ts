import { shorten } from '../tokens/mask';
import { cut, maskForm, maskHeader, maskRoomText, maskRoomValue } from './room-view-mask';
import type { HeaderList, RecordedMessage, TraceEvent } from '../trace/types';
import { maskOutcome, type RoomOutcome } from './room-outcome';

export { maskHeader, maskRoomText } from './room-view-mask';

/**
 * What students following a room see of the instructor's screen: the newest exchanges of the run (the
 * diagram's hops and the HTTP log), the request the step is about to send, and what each role holds,
 * masked as the presenter view masks them (lib/tokens/mask.ts). The instructor's browser builds it;
 * the server masks it again before any student hears it (a code, token, secret, password, verifier or
 * cookie value never leaves the instructor's screen, even with "Reveal secrets" on), and both bound it.
 */
/** The request a step is about to send, as the step card previews it (machines/walkthrough/describe.ts). */
export type RoomRequest = {
  method: string;
  url: string;
  headers: HeaderList;
  body?: string;
  sender: string;
};

export type RoomView = {
  /** The run's newest exchanges, oldest first, masked and cut short. */
  exchanges: TraceEvent[];
  /** How many exchanges the run has in all: the first `total - exchanges.length` are left out. */
  total: number;
  /** The request the step is about to send, as the step card previews it, masked. */
  request?: RoomRequest;
  /** What the client made up or received (the diagram's holdings read which there are), masked. */
  values: Record<string, string>;
  tokens: Record<string, string | number>;
  /** Where the step is and what its send received, as the step card shows it (./room-outcome.ts). */
  outcome?: RoomOutcome;
};

/** A room shows the last exchanges of the run: an authorization code flow has 8 to 12. */
export const ROOM_EXCHANGES = 16;
/** A body keeps its start: a masked token response or a sign-in form fit; a page does not. */
export const ROOM_BODY_CHARS = 2_000;
export const ROOM_HEADER_CHARS = 500;
export const ROOM_HEADERS = 40;
export const ROOM_URL_CHARS = 2_048;
/** The view as JSON, at most: 200 students each get it at every step. */
export const ROOM_VIEW_BYTES = 48 * 1024;

const maskHeaders = (headers: HeaderList): HeaderList =>
  headers
    .slice(0, ROOM_HEADERS)
    .map(([name, value]) => [cut(name, 100), cut(maskHeader(name, value), ROOM_HEADER_CHARS)]);

function maskBody(message: RecordedMessage): Pick<RecordedMessage, 'body' | 'truncated'> {
  // Binary bodies (base64) say nothing a student needs.
  if (message.body === null || message.bodyEncoding !== 'utf8') return { body: null, truncated: false };
  const masked = maskRoomText(message.body);
  if (masked.length <= ROOM_BODY_CHARS) return { body: masked, truncated: message.truncated };
  return {
    body: `${masked.slice(0, ROOM_BODY_CHARS)}\n… (the room shows the first ${ROOM_BODY_CHARS.toLocaleString('en')} of ${masked.length.toLocaleString('en')} characters)`,
    truncated: true,
  };
}

function maskMessage<M extends RecordedMessage>(message: M): M {
  return { ...message, headers: maskHeaders(message.headers), ...maskBody(message) };
}

/** An exchange as students see it; which run of the instructor's made it is not theirs to know. */
export function maskExchange(event: TraceEvent): TraceEvent {
  const { run, ...shown } = event;
  void run;
  return {
    ...shown,
    request: { ...maskMessage(event.request), url: cut(maskRoomText(event.request.url), ROOM_URL_CHARS) },
    response: maskMessage(event.response),
    ...(event.note ? { note: cut(maskRoomText(event.note), ROOM_HEADER_CHARS) } : {}),
  };
}

export function maskRequest(request: RoomRequest): RoomRequest {
  return {
    ...request,
    url: cut(maskRoomText(request.url), ROOM_URL_CHARS),
    headers: maskHeaders(request.headers),
    ...(request.body !== undefined ? { body: cut(maskForm(request.body), ROOM_BODY_CHARS) } : {}),
  };
}

function maskNamed(name: string, value: string): string {
  const masked = maskRoomValue(name, value);
  // Every token is a credential, whatever its field is called (`rotated_refresh_token`).
  if (masked === value && /(^|_)token$/.test(name)) return shorten(value);
  return cut(maskRoomText(masked), ROOM_HEADER_CHARS);
}

const maskRecord = <V extends string | number>(record: Record<string, V>) =>
  Object.fromEntries(
    Object.entries(record).map(([name, value]) => [
      name,
      typeof value === 'string' ? maskNamed(name, value) : value,
    ]),
  ) as Record<string, V>;

/**
 * The view masked and bounded. The same function runs in the instructor's browser and on the server:
 * masking what is masked already changes nothing, so the student sees what the presenter view shows.
 */
export function maskRoomView(view: RoomView): RoomView {
  const exchanges = view.exchanges.slice(-ROOM_EXCHANGES).map(maskExchange);
  return {
    exchanges,
    total: Math.max(view.total, exchanges.length),
    ...(view.request ? { request: maskRequest(view.request) } : {}),
    values: maskRecord(view.values),
    tokens: maskRecord(view.tokens),
    ...(view.outcome ? { outcome: maskOutcome(view.outcome) } : {}),
  };
}

export const roomViewBytes = (view: RoomView) => new TextEncoder().encode(JSON.stringify(view)).length;

/**
 * What the instructor's browser sends: the run's newest exchanges and the step's request, masked, with
 * the oldest exchanges left out until the view fits the room's message size.
 */
export function roomViewOf(input: {
  events: readonly TraceEvent[];
  request?: RoomRequest;
  values: Record<string, string>;
  tokens: Record<string, string | number | undefined>;
  outcome?: RoomOutcome;
}): RoomView {
  const tokens = Object.fromEntries(
    Object.entries(input.tokens).filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined,
    ),
  );
  const view = maskRoomView({
    exchanges: input.events.slice(-ROOM_EXCHANGES),
    total: input.events.length,
    ...(input.request ? { request: input.request } : {}),
    values: input.values,
    tokens,
    ...(input.outcome ? { outcome: input.outcome } : {}),
  });
  return fitted(view);
}

/** The oldest exchanges left out until the view fits the room's message size. */
function fitted(view: RoomView): RoomView {
  let fitting = view;
  while (fitting.exchanges.length > 1 && roomViewBytes(fitting) > ROOM_VIEW_BYTES)
    fitting = { ...fitting, exchanges: fitting.exchanges.slice(1) };
  return fitting;
}

/**
 * The view with exchanges the servers recorded after it was built (./relay.ts), masked, each once and
 * in the trace's order; the rest of the view stays as the instructor's browser last sent it.
 */
export function withExchanges(view: RoomView, events: readonly TraceEvent[]): RoomView {
  const newest = view.exchanges.at(-1)?.seq ?? -1;
  const added = events.filter((event) => event.seq > newest).map(maskExchange);
  if (!added.length) return view;
  const exchanges = [...view.exchanges, ...added].slice(-ROOM_EXCHANGES);
  return fitted({ ...view, exchanges, total: view.total + added.length });
}
