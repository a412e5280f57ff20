import http from 'node:http';
import https from 'node:https';

export type LoopbackRequest = {
  method: string;
  headers: Record<string, string>;
  body?: URLSearchParams;
};

/**
 * A request from the playground's server to itself: it travels over loopback (`internalOrigin`) but is
 * addressed, in its Host header, to the public origin, as the client addresses the issuer's endpoints.
 * fetch() cannot set Host, and without it the recorded exchange would name the public origin in its URL
 * and the loopback address in its Host header. No redirect is followed.
 */
export function fetchOverLoopback(
  internalOrigin: string,
  publicOrigin: string,
  path: string,
  init: LoopbackRequest,
): Promise<Response> {
  const target = new URL(path, internalOrigin);
  const transport = target.protocol === 'https:' ? https : http;
  const body = init.body?.toString();
  const headers: Record<string, string> = { ...init.headers, host: new URL(publicOrigin).host };
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const request = transport.request(target, { method: init.method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const answered = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (Array.isArray(value)) for (const each of value) answered.append(name, each);
          else if (value !== undefined) answered.set(name, value);
        }
        const status = response.statusCode ?? 502;
        const empty = status === 204 || status === 304 || init.method === 'HEAD';
        resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers: answered }));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}
