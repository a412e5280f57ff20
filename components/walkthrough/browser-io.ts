import type { RunStart, SendInput } from '@/machines/walkthrough/create-walkthrough-machine';
import { randomValue } from '@/machines/walkthrough/secrets';
import type { ExchangeResult, GrantDefinition, RequestSpec } from '@/lib/walkthrough/types';
import { errorResponseOf, relayedExchange } from '@/lib/walkthrough/response-bodies';
import { parseStored } from '@/lib/stored-json';
import { z } from 'zod/mini';

const RUN_HEADER = 'x-playground-run';
const RUN_COOKIE = 'playground_run';

/**
 * The walkthrough's I/O in the browser: sending a step's request (from the browser for a public client,
 * through the client backend for a confidential one) and keeping a run across the front-channel trip.
 */
async function readResult(response: Response): Promise<ExchangeResult> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  let body: unknown = text;
  if (type.includes('json') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), body };
}

/** RFC 9449: a fresh proof for this request, signed with the run's key, which never leaves the browser. */
async function dpopProof(request: RequestSpec, origin: string, runId: string): Promise<string | undefined> {
  if (!request.dpop) return undefined;
  const { htm, htu, accessToken, nonce } = request.dpop;
  // The signing code comes with the first DPoP request, not with every walkthrough's page.
  const [{ dpopKeyPairFor }, { signDpopProof }] = await Promise.all([
    import('@/lib/client/dpop-key-store'),
    import('@/lib/client/dpop-proof'),
  ]);
  return signDpopProof(await dpopKeyPairFor(runId), {
    htm: htm ?? request.method,
    htu: new URL(htu ?? request.path, origin).href,
    accessToken,
    nonce,
  });
}

export async function sendStep({ action, context }: SendInput, clientId: string): Promise<ExchangeResult> {
  const { request } = action;
  if (action.via === 'client-backend') {
    // The proof is signed here, with the key that never leaves this browser; the backend only forwards it.
    const proof = await dpopProof(request, context.origin, context.runId);
    const response = await fetch('/api/client/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [RUN_HEADER]: context.runId },
      body: JSON.stringify({
        client_id: action.clientId ?? clientId,
        request: proof
          ? { ...request, dpop: undefined, headers: { ...request.headers, dpop: proof } }
          : request,
      }),
    });
    const body: unknown = await response.json();
    if (!response.ok)
      throw new Error(
        errorResponseOf(body).error_description ?? `The client backend answered ${response.status}`,
      );
    const answer = relayedExchange.parse(body);
    return proof ? { ...answer, dpopProof: proof } : answer;
  }
  const proof = await dpopProof(request, context.origin, context.runId);
  const response = await fetch(request.path, {
    method: request.method,
    headers: {
      'x-playground-from': 'client',
      [RUN_HEADER]: context.runId,
      ...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...request.headers,
      ...(proof ? { dpop: proof } : {}),
    },
    body: request.form ? new URLSearchParams(request.form) : undefined,
  });
  return { ...(await readResult(response)), ...(proof ? { dpopProof: proof } : {}) };
}

/** A fresh run: new secrets, a new run id, and the trace position it starts from. */
export async function newRun(grant: GrantDefinition): Promise<RunStart> {
  return { startSeq: await tracePosition(), secrets: await grant.secrets(), runId: randomValue(12) };
}

/**
 * Front-channel requests cannot carry a header: while the browser is away at the authorization
 * server, a cookie names the run, so the recorder files those exchanges under it.
 */
export function markRunForNavigation(runId: string | undefined) {
  document.cookie = runId
    ? `${RUN_COOKIE}=${runId}; path=/; SameSite=Lax; max-age=3600`
    : `${RUN_COOKIE}=; path=/; SameSite=Lax; max-age=0`;
}

/** GET /api/trace: the position of the learner's newest exchange. */
const tracePositionAnswer = z.object({ lastSeq: z.optional(z.number()) });

/** Where the learner's trace is now: a new run shows the exchanges after this position. */
export async function tracePosition(): Promise<number> {
  const response = await fetch('/api/trace?after=999999999', { cache: 'no-store' });
  if (!response.ok) return 0;
  return tracePositionAnswer.safeParse(await response.json()).data?.lastSeq ?? 0;
}

// A run is kept under its key: the grant's slug on its own page, `compare:<side>:<slug>` on the
// compare page, so that two runs of one grant do not overwrite each other.
const runKey = (key: string) => `playground:walkthrough:${key}`;
const PENDING_KEY = 'playground:walkthrough:pending';
const callbackKey = (key: string) => `playground:walkthrough:callback:${key}`;

export function saveRun(key: string, snapshot: unknown) {
  sessionStorage.setItem(runKey(key), JSON.stringify(snapshot));
}

export function loadRun(key: string): unknown {
  const stored = sessionStorage.getItem(runKey(key));
  if (!stored) return undefined;
  try {
    return JSON.parse(stored);
  } catch {
    return undefined;
  }
}

export function forgetRun(key: string) {
  sessionStorage.removeItem(runKey(key));
}

const pendingCallback = z.object({ key: z.string(), returnPath: z.string() });

/** Before the browser leaves for the authorization server: which run expects the callback, and where it lives. */
export function expectCallback(key: string, returnPath: string) {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ key, returnPath }));
}

/** On /callback: hands the URL to the run that expects it; answers the page to return to. */
export function deliverCallback(url: string): string | undefined {
  const pending = sessionStorage.getItem(PENDING_KEY);
  if (!pending) return undefined;
  sessionStorage.removeItem(PENDING_KEY);
  const expected = parseStored(pending, pendingCallback);
  if (!expected) return undefined;
  const { key, returnPath } = expected;
  sessionStorage.setItem(callbackKey(key), url);
  return returnPath.startsWith('/') && !returnPath.startsWith('//') ? returnPath : undefined;
}

export function takeCallback(key: string): string | undefined {
  const url = sessionStorage.getItem(callbackKey(key)) ?? undefined;
  sessionStorage.removeItem(callbackKey(key));
  return url;
}
