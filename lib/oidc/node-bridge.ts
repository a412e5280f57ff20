import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable, Writable } from 'node:stream';
import { readBodyWithin } from '../http/body-limit';
import { clientAddress } from '../http/client-address';
import type { Requester } from '../http/on-behalf';

/**
 * The one place where a Web `Request` becomes the Node `req`/`res` pair oidc-provider (a Koa app)
 * expects, and where what it wrote becomes a Web `Response`. The details matter, and node-bridge.test.ts
 * pins each: the body as a real `Readable` (oidc-provider reads it with `req.iterator()`) with a correct
 * `content-length` and no `transfer-encoding`; `url` without the mount path and `originalUrl` with it
 * (discovery's URLs are built from the difference); a `socket` with `encrypted` and `remoteAddress` (Koa
 * reads them); each `Set-Cookie` as its own header; no body for 204, 205, 304 and HEAD.
 */

export type NodeRequestOptions = {
  /** Path prefix the provider is mounted under (`/oidc`); stripped from `url`, kept in `originalUrl`. */
  mountPath?: string;
  /** The body, when the caller has read it already (to record it); otherwise it is read here. */
  body?: Buffer;
  /**
   * Who the request is for (lib/http/requester.ts). Koa's `ctx.ip` is its address, whether or not
   * oidc-provider trusts proxies; the password grant reads its learner with `requesterOf`.
   */
  requester?: Requester;
};

type BridgedRequest = IncomingMessage & { originalUrl: string; requester: Requester };

/** The requester the bridge handed to oidc-provider with this request. */
export const requesterOf = (req: IncomingMessage): Requester =>
  (req as Partial<BridgedRequest>).requester ?? {
    address: req.socket?.remoteAddress ?? '',
    learnerId: undefined,
  };

/** The body, read within the playground's limit (throws `BodyTooLargeError` past it). */
export async function readBody(request: Request): Promise<Buffer> {
  const body = await readBodyWithin(request);
  return body ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : Buffer.alloc(0);
}

export async function toNodeRequest(
  request: Request,
  options: NodeRequestOptions = {},
): Promise<BridgedRequest> {
  const body = options.body ?? (await readBody(request));
  const url = new URL(request.url);
  const originalUrl = url.pathname + url.search;
  const mountPath = options.mountPath ?? '';
  const stripped =
    mountPath && (url.pathname === mountPath || url.pathname.startsWith(`${mountPath}/`))
      ? url.pathname.slice(mountPath.length) || '/'
      : url.pathname;

  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  delete headers['transfer-encoding'];
  if (body.length > 0) headers['content-length'] = String(body.length);
  else delete headers['content-length'];
  headers.host ??= url.host;
  const requester = options.requester ?? { address: clientAddress(request.headers), learnerId: undefined };
  // Koa reads the socket, or X-Forwarded-For when oidc-provider trusts proxies: both say the same.
  headers['x-forwarded-for'] = requester.address;

  const encrypted = url.protocol === 'https:';
  const socket = { encrypted, remoteAddress: requester.address };
  const req = Readable.from(body.length > 0 ? [body] : [], {
    objectMode: false,
  }) as unknown as BridgedRequest;
  return Object.assign(req, {
    method: request.method,
    url: stripped + url.search,
    originalUrl,
    requester,
    headers,
    httpVersion: '1.1',
    httpVersionMajor: 1,
    httpVersionMinor: 1,
    socket,
    connection: socket,
  });
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/** A Node-style response that collects what is written and settles as a Web `Response` on `end`. */
export class NodeResponse extends Writable {
  statusCode = 200;
  statusMessage = '';
  headersSent = false;
  readonly settled: Promise<Response>;
  /** The response body as written, for the exchange recorder. */
  body: Buffer = Buffer.alloc(0);
  private readonly headerMap = new Map<string, number | string | string[]>();
  private readonly chunks: Buffer[] = [];

  constructor(private readonly requestMethod = 'GET') {
    super();
    this.settled = new Promise((resolve, reject) => {
      this.once('finish', () => resolve(this.toResponse()));
      this.once('error', reject);
    });
  }

  setHeader(name: string, value: number | string | readonly string[]) {
    this.headerMap.set(name.toLowerCase(), Array.isArray(value) ? [...value] : (value as number | string));
    return this;
  }
  getHeader(name: string) {
    return this.headerMap.get(name.toLowerCase());
  }
  hasHeader(name: string) {
    return this.headerMap.has(name.toLowerCase());
  }
  removeHeader(name: string) {
    this.headerMap.delete(name.toLowerCase());
  }
  getHeaders() {
    return Object.fromEntries(this.headerMap);
  }
  getHeaderNames() {
    return [...this.headerMap.keys()];
  }
  writeHead(statusCode: number, reasonOrHeaders?: unknown, maybeHeaders?: unknown) {
    this.statusCode = statusCode;
    const headers = typeof reasonOrHeaders === 'string' ? maybeHeaders : reasonOrHeaders;
    if (typeof reasonOrHeaders === 'string') this.statusMessage = reasonOrHeaders;
    if (headers && typeof headers === 'object') {
      for (const [name, value] of Object.entries(headers)) this.setHeader(name, value as string);
    }
    this.headersSent = true;
    return this;
  }
  flushHeaders() {
    this.headersSent = true;
  }

  override _write(
    chunk: Buffer | string,
    encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ) {
    this.headersSent = true;
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
    callback();
  }

  private toResponse(): Response {
    this.headersSent = true;
    this.body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const headers = new Headers();
    for (const [name, value] of this.headerMap) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else headers.set(name, String(value));
    }
    const noBody = NULL_BODY_STATUS.has(this.statusCode) || this.requestMethod === 'HEAD';
    if (noBody) headers.delete('content-length');
    const body = noBody
      ? null
      : new Uint8Array(this.body.buffer as ArrayBuffer, this.body.byteOffset, this.body.length);
    return new Response(body, { status: this.statusCode, statusText: this.statusMessage, headers });
  }
}

export function toNodeResponse(requestMethod?: string): NodeResponse & ServerResponse {
  return new NodeResponse(requestMethod) as NodeResponse & ServerResponse;
}

/** Runs a Node request listener (such as `provider.callback()`) for one Web request. */
export async function runNodeListener(
  listener: (req: IncomingMessage, res: ServerResponse) => unknown,
  request: Request,
  options: NodeRequestOptions = {},
): Promise<{ response: Response; req: BridgedRequest; res: NodeResponse }> {
  const req = await toNodeRequest(request, options);
  const res = toNodeResponse(request.method);
  listener(req, res);
  const response = await res.settled;
  return { response, req, res };
}
