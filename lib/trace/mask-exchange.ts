import { maskSecrets } from '../tokens/mask';
import type { HeaderList, TraceEvent } from './types';

/**
 * A recorded exchange with its secrets masked exactly as the presenter view masks them on a projector
 * (lib/tokens/mask.ts): codes, tokens, client secrets and assertions, passwords, cookie values and DPoP
 * proofs, in the URL, every header and every text body. What leaves the page in an export is this.
 */
export function maskExchange(event: TraceEvent): TraceEvent {
  return {
    ...event,
    request: {
      ...event.request,
      url: maskSecrets(event.request.url),
      headers: maskHeaders(event.request.headers),
      ...maskBody(event.request),
    },
    response: {
      ...event.response,
      headers: maskHeaders(event.response.headers),
      ...maskBody(event.response),
    },
  };
}

// Each header is masked as the line `name: value` the HTTP log shows, so that the rules are the same.
const maskHeaders = (headers: HeaderList): HeaderList =>
  headers.map(([name, value]) => {
    const line = maskSecrets(`${name}: ${value}`);
    return [name, line.slice(line.indexOf(':') + 1).trimStart()];
  });

// A binary body (base64) carries no form or JSON secret the rules could find: it is left out instead.
const maskBody = ({ body, bodyEncoding }: Pick<TraceEvent['request'], 'body' | 'bodyEncoding'>) => ({
  body: body === null ? null : bodyEncoding === 'utf8' ? maskSecrets(body) : '[binary body, not exported]',
  bodyEncoding: 'utf8' as const,
});
