import { z } from 'zod/mini';
import { parseStored } from '@/lib/stored-json';
import { isRole } from '@/lib/trace/roles';
import { traceEvent } from '@/lib/trace/schema';
import type { HeaderList, NewTraceEvent, Role, TraceEvent } from '@/lib/trace/types';
import type { SendInput } from '@/machines/walkthrough/create-walkthrough-machine';
import type { ExchangeResult, StepDefinition, StepParty } from '@/lib/walkthrough/types';

/**
 * The exchanges with a Mastodon instance, recorded in the learner's browser: they never pass through
 * the playground's server (which must not see the app's secret or the token), so the browser keeps
 * them, in this tab's sessionStorage, across the trip to the instance and back.
 */
const EVENTS_KEY = 'playground:mastodon:events';
const listeners = new Set<() => void>();
let cache: TraceEvent[] | undefined;

const storedEvents = z.array(traceEvent);

/** This tab's recorded exchanges; a kept list of another shape (an earlier version's) is none. */
export function browserEvents(): TraceEvent[] {
  cache ??= parseStored(sessionStorage.getItem(EVENTS_KEY), storedEvents) ?? [];
  return cache;
}

const EMPTY: TraceEvent[] = [];
export const serverEvents = () => EMPTY;

export function subscribeBrowserEvents(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function store(events: TraceEvent[]) {
  cache = events;
  sessionStorage.setItem(EVENTS_KEY, JSON.stringify(events));
  for (const listener of listeners) listener();
}

export function recordInBrowser(event: NewTraceEvent) {
  const events = browserEvents();
  store([...events, { ...event, seq: (events.at(-1)?.seq ?? 0) + 1 }]);
}

export function clearBrowserEvents() {
  store([]);
}

const headerList = (headers: Headers): HeaderList => [...headers.entries()];

/** The role a step's party is recorded as: the Mastodon flow's steps name only the four roles. */
function recordedRole(party: StepParty): Role {
  if (!isRole(party)) throw new Error(`The Mastodon flow records the four roles only, not “${party}”.`);
  return party;
}

/**
 * The walkthrough's `send` for the Mastodon flow: the request goes from this browser straight to the
 * instance, with no header of the playground's own (CORS allows Mastodon's usual ones), and is recorded.
 */
export async function sendToInstance(
  { action, context }: SendInput,
  step: Pick<StepDefinition, 'from' | 'to' | 'channel'>,
): Promise<ExchangeResult> {
  const { request } = action;
  const [from, to] = [recordedRole(step.from), recordedRole(step.to)];
  const headers = new Headers(request.headers);
  const body = request.form ? new URLSearchParams(request.form) : undefined;
  if (body) headers.set('content-type', 'application/x-www-form-urlencoded');
  const started = performance.now();
  const time = new Date().toISOString();
  let response: Response;
  try {
    response = await fetch(request.path, {
      method: request.method,
      headers,
      body,
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    const host = new URL(request.path).host;
    throw new Error(
      `Failed to fetch ${request.path}. Either ${host} could not be reached (a wrong address, the server down, no network), or it answered without allowing this page to read the answer (CORS). A browser reports both the same way. Check the address; if it is right, the server may not be a Mastodon-compatible instance, or it blocks this path for other sites.`,
    );
  }
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (/json/i.test(type) && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  recordInBrowser({
    id: `${context.runId}-${started.toFixed(0)}`,
    time,
    durationMs: Math.round(performance.now() - started),
    from,
    to,
    channel: step.channel,
    run: context.runId,
    request: {
      method: request.method,
      url: request.path,
      headers: headerList(headers),
      body: body ? body.toString() : null,
      bodyEncoding: 'utf8',
      truncated: false,
    },
    response: {
      status: response.status,
      headers: headerList(response.headers),
      body: text || null,
      bodyEncoding: 'utf8',
      truncated: false,
    },
    note: 'Recorded in your browser: this exchange went straight to the instance. Response headers are those CORS lets a page read.',
  });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: parsed };
}

/** The browser's return to the redirect URI, as observed when it arrived (the instance's pages in between are its own). */
export function recordCallbackArrival(url: string, runId: string) {
  recordInBrowser({
    id: `${runId}-callback`,
    time: new Date().toISOString(),
    durationMs: 0,
    from: 'authorization-server',
    to: 'client',
    channel: 'front',
    run: runId,
    request: { method: 'GET', url, headers: [], body: null, bodyEncoding: 'utf8', truncated: false },
    response: { status: 200, headers: [], body: null, bodyEncoding: 'utf8', truncated: false },
    note: 'Observed when your browser arrived back at the playground: the instance redirected it here after you approved. Its sign-in and consent pages in between are the instance’s own.',
  });
}
