import type { TraceEvent } from './types';

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
// Headers a person would not type: they describe the browser or the connection, not the request.
// Host is curl's own from the URL, which is at the public origin (./public-url.ts); it is kept only
// where the request named another one, so that the command sends what was sent.
const SKIPPED =
  /^(connection|content-length|accept-encoding|sec-|x-forwarded-|x-playground-|cookie$|user-agent$|priority$)/i;

const typed = (name: string, value: string, url: URL) =>
  name.toLowerCase() === 'host' ? value !== url.host : !SKIPPED.test(name);

/** A recorded request as a curl command line that sends it again. */
export function toCurl(event: TraceEvent): string {
  const { request } = event;
  const url = new URL(request.url);
  const parts = ['curl'];
  if (request.method !== 'GET') parts.push('-X', request.method);
  parts.push(quote(request.url));
  for (const [name, value] of request.headers) {
    if (typed(name, value, url)) parts.push('-H', quote(`${name}: ${value}`));
  }
  if (request.truncated) {
    // Half a body would send a different request: say what is missing instead.
    return `${parts.join(' ')} # the ${request.bodyBytes ?? 'long'}-byte body was cut in the log; add it with --data-raw`;
  }
  if (request.body !== null && request.bodyEncoding === 'utf8') parts.push('--data-raw', quote(request.body));
  return parts.join(' ');
}
