import { z } from 'zod/mini';

/**
 * The attack lab's attacker server (lib/attacks/routes.ts), called from the challenges' Attacker's tools:
 * what it answered, verbatim, and for a refusal the sentence that says what to do about it.
 */
export type AttackerAnswer = {
  /** The request, as the HTTP log heads it: `POST /api/attacker/redeem-code`. */
  request: string;
  status: number;
  body: unknown;
  /** A refusal's challenge (RFC 6750 §3, RFC 9449 §7.1), which the attacker's server passes on. */
  challenge?: string;
  /** For a refusal: its cause in words, next to the server's own error. */
  problem?: string;
};

const oauthError = z.object({ error: z.string(), error_description: z.optional(z.string()) });

/** What to do about an answer of the attacker's own server (not the playground's answer it passes on). */
function problemOf(status: number, body: unknown): string | undefined {
  const said = oauthError.safeParse(body).data;
  if (status === 409 && said?.error === 'nothing_stolen')
    return `${said.error_description ?? 'The attacker holds nothing to use.'} Hand it a stolen value first (“Give it to the attacker”).`;
  if (status === 429)
    return 'The attacker’s server has had too many requests from this browser (100 in 10 minutes): wait a few minutes, then try again.';
  if (status === 401 && said?.error === 'no_learner')
    return 'This browser has no playground learner cookie: reload the page, which sets one.';
  if (status === 400 && said?.error === 'invalid_request')
    return `The attacker’s server refused the form: ${said.error_description ?? 'it is malformed'}.`;
  if (status === 502)
    return `The attacker could not reach the playground: ${said?.error_description ?? 'no answer'}.`;
  return undefined;
}

/** Sends one request to the attacker's server with this learner's cookie; never throws. */
export async function callAttacker(
  method: 'GET' | 'POST',
  path: string,
  form?: Record<string, string>,
): Promise<AttackerAnswer> {
  const request = `${method} ${path}`;
  try {
    const response = await fetch(path, {
      method,
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form) } : {}),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: shown as the text it is.
    }
    const problem = problemOf(response.status, body);
    const challenge = response.headers.get('www-authenticate');
    return {
      request,
      status: response.status,
      body,
      ...(challenge ? { challenge } : {}),
      ...(problem ? { problem } : {}),
    };
  } catch {
    return {
      request,
      status: 0,
      body: null,
      problem: 'The attacker’s server could not be reached. Is the playground still running?',
    };
  }
}
