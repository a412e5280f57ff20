import { reasonPhrase } from '../http/reason-phrase';
import { factsOf, sentBy } from './describe-exchange';
import { maskExchange } from './mask-exchange';
import type { HeaderList, TraceEvent } from './types';
import { headerIn } from './exchange';

/**
 * A run's exchanges as an HTTP Archive (HAR 1.2, http://www.softwareishard.com/blog/har-12-spec/), for
 * a browser's network panel or any HAR viewer, with secrets masked as on the projector. The roles and
 * channel of each exchange go in `_`-prefixed fields, which the format leaves to applications.
 */

type HarNameValue = { name: string; value: string };

export type HarEntry = {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string };
    headersSize: -1;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment: string;
  _from: string;
  _to: string;
  _channel: string;
};

export type Har = {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    comment: string;
    entries: HarEntry[];
  };
};

const CREATOR = { name: 'OAuth2 Playground', version: '0.1.0' };

const pairs = (headers: HeaderList): HarNameValue[] => headers.map(([name, value]) => ({ name, value }));
const headerOf = headerIn;
const bytes = (text: string | null) => (text === null ? 0 : new TextEncoder().encode(text).length);

function entryOf(recorded: TraceEvent): HarEntry {
  const event = maskExchange(recorded);
  const { request, response } = event;
  const requestType = headerOf(request.headers, 'content-type') ?? 'application/octet-stream';
  const responseType = headerOf(response.headers, 'content-type') ?? '';
  return {
    startedDateTime: new Date(event.time).toISOString(),
    time: event.durationMs,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(request.headers),
      queryString: [...new URL(request.url).searchParams].map(([name, value]) => ({ name, value })),
      ...(request.body !== null ? { postData: { mimeType: requestType, text: request.body } } : {}),
      headersSize: -1,
      bodySize: recorded.request.bodyBytes ?? bytes(recorded.request.body),
    },
    response: {
      status: response.status,
      statusText: reasonPhrase(response.status),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(response.headers),
      content: {
        size: recorded.response.bodyBytes ?? bytes(recorded.response.body),
        mimeType: responseType,
        ...(response.body !== null ? { text: response.body } : {}),
      },
      redirectURL: headerOf(response.headers, 'location') ?? '',
      headersSize: -1,
      bodySize: recorded.response.bodyBytes ?? bytes(recorded.response.body),
    },
    cache: {},
    timings: { send: 0, wait: event.durationMs, receive: 0 },
    comment: `Sent by: ${sentBy(factsOf(recorded.request, recorded))}.${event.note ? ` ${event.note}` : ''}`,
    _from: event.from,
    _to: event.to,
    _channel: event.channel,
  };
}

export function exportHar(events: readonly TraceEvent[]): Har {
  return {
    log: {
      version: '1.2',
      creator: CREATOR,
      comment:
        'Recorded by the OAuth2 Playground. Codes, tokens, secrets, passwords, cookies and DPoP proofs are cut to their first characters, as on the projector.',
      entries: events.map(entryOf),
    },
  };
}
