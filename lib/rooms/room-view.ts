import { maskSecrets, maskValue, shorten } from '../tokens/mask';
import type { HeaderList, RecordedMessage, TraceEvent } from '../trace/types';

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

// The presenter's masking reads `?code=` and `&code=`; an implicit grant's token comes back after `#`,
// and a URL in a page's HTML writes `&amp;code=`.
const PARAMETER = /([?&#](?:amp;)?)([^=&#\s;]+)=([^&#\s"'<]*)/g;
// A JWT anywhere (an id_token_hint, a DPoP proof) is a credential whatever its name.
const JWT = /eyJ[\w-]{4,}\.[\w-]+\.[\w-]*/g;

/** Free text (a URL, a header, a body) with every secret masked. */
export function maskRoomText(text: string): string {
  return maskSecrets(
    text.replace(
      PARAMETER,
      (_m, at: string, name: string, value: string) => `${at}${name}=${maskValue(name, value)}`,
    ),
  ).replace(JWT, shorten);
}

/** A form body masked value by value, in decoded form, as the request preview decodes it. */
function maskForm(body: string): string {
  return body
    .split('&')
    .map((pair) => {
      const separator = pair.indexOf('=');
      if (separator < 0) return pair;
      const name = pair.slice(0, separator);
      let value: string;
      try {
        value = decodeURIComponent(pair.slice(separator + 1).replace(/\+/g, ' '));
      } catch {
        return `${name}=${shorten(pair.slice(separator + 1))}`;
      }
      const masked = maskRoomText(maskValue(name, value));
      // Only a masked value is written again: the others keep their encoding (`openid+profile`).
      return masked === value ? pair : `${name}=${encodeURIComponent(masked)}`;
    })
    .join('&');
}

// Cookie values the recorder did not replace by a label (`[learner id, hidden]`) are masked too.
const maskCookiePair = (pair: string) => {
  const separator = pair.indexOf('=');
  if (separator < 0) return pair;
  const value = pair.slice(separator + 1).trim();
  return /^\[[^\]]*hidden\]$/.test(value) ? pair : `${pair.slice(0, separator)}=••••`;
};

// Headers whose whole value is a credential: its scheme may stay, the rest never does. The run id is
// hidden as its cookie is (lib/trace/cookie-labels.ts).
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'dpop',
  'x-playground-on-behalf',
  'x-playground-run',
]);
// What the recorder wrote in place of a value: `[signed by the playground, hidden]`.
const isLabel = (value: string) => /^\[[^\]]*\]$/.test(value);

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function maskHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'cookie')
    return value
      .split(';')
      .map((pair) => maskCookiePair(pair.trim()))
      .join('; ');
  if (lower === 'set-cookie') {
    const end = value.indexOf(';');
    return end < 0 ? maskCookiePair(value) : `${maskCookiePair(value.slice(0, end))}${value.slice(end)}`;
  }
  if (CREDENTIAL_HEADERS.has(lower) && !isLabel(value)) {
    const [scheme = '', ...rest] = value.split(' ');
    if (!rest.length) return shorten(value);
    // As the presenter view shows HTTP Basic: nothing of the client's credentials.
    return `${scheme} ${scheme.toLowerCase() === 'basic' ? '••••' : shorten(rest.join(' '))}`;
  }
  return maskRoomText(value);
}

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

const maskRecord = <V extends string | number>(record: Record<string, V>) =>
  Object.fromEntries(
    Object.entries(record).map(([name, value]) => [
      name,
      typeof value === 'string'
        ? // Every token is a credential, whatever its field is called (`rotated_refresh_token`).
          /(^|_)token$/.test(name)
          ? shorten(value)
          : cut(maskRoomText(maskValue(name, value)), ROOM_HEADER_CHARS)
        : value,
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
}): RoomView {
  const tokens = Object.fromEntries(
    Object.entries(input.tokens).filter(
      (entry): entry is [string, string | number] => entry[1] !== undefined,
    ),
  );
  let view = maskRoomView({
    exchanges: input.events.slice(-ROOM_EXCHANGES),
    total: input.events.length,
    ...(input.request ? { request: input.request } : {}),
    values: input.values,
    tokens,
  });
  while (view.exchanges.length > 1 && roomViewBytes(view) > ROOM_VIEW_BYTES)
    view = { ...view, exchanges: view.exchanges.slice(1) };
  return view;
}
