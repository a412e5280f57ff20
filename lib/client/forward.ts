import 'server-only';
import { z } from 'zod';
import type { PlaygroundEnv } from '../config/env';
import { isNormalizedPath } from '../http/normalized-path';
import { onBehalfOf } from '../http/requester';
import { FROM_HEADER } from '../trace/roles';
import { RUN_HEADER, runOf } from '../trace/run';
import { fetchOverLoopback } from './loopback-fetch';

/**
 * The one way the playground's server sends a request to its own endpoints for a learner: the client
 * backend of the walkthroughs (./backend.ts) and the learner's request composer (./composer.ts) both
 * go through here. It carries no cookie of the browser's: the server vouches for the learner and their
 * address in a signed header (lib/http/on-behalf.ts), so the exchange lands in the learner's trace and
 * counts against the learner's limits, not against the server's own loopback address.
 */

// Only the playground's own endpoints: the backend never fetches a URL a browser chose (no SSRF).
const OWN_PATH = /^\/(oidc|api\/v1|api\/v2)\/[A-Za-z0-9/_.:-]*(\?[^#]*)?$/;

export const ownPath = z
  .string()
  .regex(OWN_PATH, 'path must be an endpoint of the playground (/oidc/..., /api/v1/..., /api/v2/...)')
  .refine(isNormalizedPath, 'path must not contain . or .. segments');

/**
 * The endpoints where a client authenticates: token, introspection, revocation, pushed authorization
 * requests (RFC 9126 §2.1), and the device authorization endpoint (RFC 8628 §3.1).
 */
export const CLIENT_AUTHENTICATED = new Set([
  '/oidc/token',
  '/oidc/token/introspection',
  '/oidc/token/revocation',
  '/oidc/request',
  '/oidc/device/auth',
]);

export const pathnameOf = (path: string) => path.split('?')[0]!;

export type BackendAnswer = {
  status: number;
  headers: Record<string, string>;
  body: unknown;
};

export async function readAnswer(response: Response): Promise<BackendAnswer> {
  const text = await response.text();
  let body: unknown = text;
  if (response.headers.get('content-type')?.includes('json') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), body };
}

export type Forwarded = {
  method: string;
  path: string;
  headers: Record<string, string>;
  form?: URLSearchParams;
};

/**
 * Sends `outgoing` as the client, on behalf of the learner who made `request`, and reads the answer.
 * Rejects when the playground cannot reach itself (the caller answers 502).
 */
export async function forwardAsClient(
  request: Request,
  env: PlaygroundEnv,
  outgoing: Forwarded,
): Promise<BackendAnswer> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...outgoing.headers,
    [FROM_HEADER]: 'client',
    ...(await onBehalfOf(request.headers)),
  };
  const run = runOf(request.headers);
  if (run) headers[RUN_HEADER] = run;
  if (outgoing.form && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
    headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetchOverLoopback(env.internalOrigin, env.publicOrigin, outgoing.path, {
    method: outgoing.method,
    headers,
    body: outgoing.form,
  });
  return readAnswer(response);
}
