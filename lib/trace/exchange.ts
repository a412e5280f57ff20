import type { HeaderList, TraceEvent } from './types';

/**
 * Reading a recorded exchange, one way everywhere (the diagram, compare, the log's facts, the refusal
 * checks): a header by its name, and a request's form body.
 */

/** A header's value by name; field names are case-insensitive (RFC 9110 §5.1). */
export const headerIn = (headers: HeaderList, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === wanted)?.[1];
};

export const requestHeader = (event: Pick<TraceEvent, 'request'>, name: string) =>
  headerIn(event.request.headers, name);

export const responseHeader = (event: Pick<TraceEvent, 'response'>, name: string) =>
  headerIn(event.response.headers, name);

/** What a request's body needs to be read: its headers, its text, and how the text is kept. */
type Message = { headers?: HeaderList; body: string | null; bodyEncoding?: 'utf8' | 'base64' };

/**
 * The request's body as form parameters (application/x-www-form-urlencoded, as OAuth's endpoints take
 * them: RFC 6749 Appendix B), or nothing for any other body. The content type decides; a request not
 * sent yet (a step's preview, before `fetch` names the type) is a form unless its body is JSON.
 */
export function formIn(message: Message): URLSearchParams | undefined {
  if (message.body === null || message.bodyEncoding === 'base64') return undefined;
  const type = headerIn(message.headers ?? [], 'content-type');
  const form = type
    ? type.toLowerCase().startsWith('application/x-www-form-urlencoded')
    : !message.body.trimStart().startsWith('{');
  return form ? new URLSearchParams(message.body) : undefined;
}

/** A recorded request's form body (see `formIn`). */
export const formOf = (event: Pick<TraceEvent, 'request'>) => formIn(event.request);
