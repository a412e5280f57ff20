import type { TraceEvent } from './types';

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
// Headers a person would not type: they describe the browser or the connection, not the request.
// Host is curl's own from the URL, which is at the public origin (./public-url.ts); it is kept only
// where the request named another one, so that the command sends what was sent. The recorded Cookie
// header is dropped too: the learner cookie, the one that matters, is added on its own (`cookie`).
const SKIPPED =
  /^(connection|content-length|accept-encoding|sec-|x-forwarded-|x-playground-|cookie$|user-agent$|priority$)/i;

const typed = (name: string, value: string, url: URL) =>
  name.toLowerCase() === 'host' ? value !== url.host : !SKIPPED.test(name);

/** A request to write as a curl command: a recorded one, or one the learner composed. */
export type CurlRequest = {
  method: string;
  url: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: string | null;
  /** The log kept only the body's start: the command then says what is missing instead. */
  truncated?: boolean;
  /** The whole body's length in bytes, where it was cut. */
  bodyBytes?: number;
};

export type CurlOptions = {
  /**
   * The learner cookie (`name=value`), so that the command, run from the learner's terminal, is
   * recorded in the learner's trace as the browser's requests are.
   */
  cookie?: string;
};

/** A request as a curl command line that sends it. */
export function curlCommand(request: CurlRequest, { cookie }: CurlOptions = {}): string {
  const url = new URL(request.url);
  const parts = ['curl'];
  if (request.method !== 'GET') parts.push('-X', request.method);
  parts.push(quote(request.url));
  for (const [name, value] of request.headers) {
    if (typed(name, value, url)) parts.push('-H', quote(`${name}: ${value}`));
  }
  if (cookie) parts.push('-b', quote(cookie));
  if (request.truncated) {
    // Half a body would send a different request: say what is missing instead.
    return `${parts.join(' ')} # the ${request.bodyBytes ?? 'long'}-byte body was cut in the log; add it with --data-raw`;
  }
  if (request.body !== null) parts.push('--data-raw', quote(request.body));
  return parts.join(' ');
}

/** A recorded request as a curl command line that sends it again. */
export function toCurl(event: TraceEvent, options?: CurlOptions): string {
  const { request } = event;
  return curlCommand(
    {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.bodyEncoding === 'utf8' ? request.body : null,
      truncated: request.truncated,
      bodyBytes: request.bodyBytes,
    },
    options,
  );
}
