import type { SendInput } from '@/machines/walkthrough/create-walkthrough-machine';
import type { ExchangeResult } from '@/machines/walkthrough/types';

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

export async function sendStep({ action }: SendInput, clientId: string): Promise<ExchangeResult> {
  const { request } = action;
  if (action.via === 'client-backend') {
    const response = await fetch('/api/client/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: clientId, request }),
    });
    const answer = (await response.json()) as ExchangeResult & { error?: string; error_description?: string };
    if (!response.ok)
      throw new Error(answer.error_description ?? `The client backend answered ${response.status}`);
    return answer;
  }
  const response = await fetch(request.path, {
    method: request.method,
    headers: {
      'x-playground-from': 'client',
      ...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...request.headers,
    },
    body: request.form ? new URLSearchParams(request.form) : undefined,
  });
  return readResult(response);
}

/** Where the learner's trace is now: a new run shows the exchanges after this position. */
export async function tracePosition(): Promise<number> {
  const response = await fetch('/api/trace?after=999999999', { cache: 'no-store' });
  if (!response.ok) return 0;
  return ((await response.json()) as { lastSeq?: number }).lastSeq ?? 0;
}

const runKey = (slug: string) => `playground:walkthrough:${slug}`;
const PENDING_KEY = 'playground:walkthrough:pending';
const CALLBACK_KEY = 'playground:walkthrough:callback';

export function saveRun(slug: string, snapshot: unknown) {
  sessionStorage.setItem(runKey(slug), JSON.stringify(snapshot));
}

export function loadRun(slug: string): unknown {
  const stored = sessionStorage.getItem(runKey(slug));
  if (!stored) return undefined;
  try {
    return JSON.parse(stored);
  } catch {
    return undefined;
  }
}

export function forgetRun(slug: string) {
  sessionStorage.removeItem(runKey(slug));
}

/** Before the browser leaves for the authorization server: which walkthrough expects the callback. */
export function expectCallback(slug: string) {
  sessionStorage.setItem(PENDING_KEY, slug);
}

/** On /callback: hands the URL to the walkthrough that expects it, and answers its slug. */
export function deliverCallback(url: string): string | undefined {
  const slug = sessionStorage.getItem(PENDING_KEY);
  if (!slug) return undefined;
  sessionStorage.removeItem(PENDING_KEY);
  sessionStorage.setItem(CALLBACK_KEY, url);
  return slug;
}

export function takeCallback(): string | undefined {
  const url = sessionStorage.getItem(CALLBACK_KEY) ?? undefined;
  sessionStorage.removeItem(CALLBACK_KEY);
  return url;
}
