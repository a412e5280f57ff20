import 'server-only';
import type { PlaygroundEnv } from '../config/env';
import { errorResponse } from '../http/errors';
import { unreachableResponse } from '../http/unreachable';
import { spendClientAssertion } from './backend-assertion';
import { clientAuthentication } from './client-authentication';
import { composedRequestSchema, issuesOf, type ComposedRequest } from './composed-request';
import { forwardAsClient } from './forward';

/**
 * The learner's "Send your own request": the server sends what the learner composed to one of its own
 * endpoints, as the demo client the learner chose (adding that client's authentication, ./client-authentication.ts),
 * through the same path as the walkthroughs' client backend (./forward.ts), so it is recorded in the
 * learner's trace like any other back-channel request.
 */

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/** The composed request, or the 400 that says what is wrong with it. */
export async function readComposedRequest(request: Request): Promise<ComposedRequest | Response> {
  const body = await readJson(request);
  if (body === undefined) return errorResponse(400, 'invalid_request', 'The request to send must be JSON.');
  const parsed = composedRequestSchema.safeParse(body);
  return parsed.success ? parsed.data : errorResponse(400, 'invalid_request', issuesOf(parsed.error));
}

/** Several rows of one header name travel as one field, joined as RFC 9110 §5.3 allows. */
export function headerRecord(rows: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of rows) {
    const key = name.toLowerCase();
    record[key] = key in record ? `${record[key]}, ${value}` : value;
  }
  return record;
}

/** POST /api/client/compose */
export async function sendComposedRequest(request: Request, env: PlaygroundEnv): Promise<Response> {
  const composed = await readComposedRequest(request);
  if (composed instanceof Response) return composed;
  const authentication = await clientAuthentication(composed, env);
  const form = [
    ...composed.form.map(({ name, value }) => [name, value] as [string, string]),
    ...authentication.form,
  ];
  try {
    const answer = await forwardAsClient(request, env, {
      method: composed.method,
      path: composed.path,
      headers: headerRecord([
        ...composed.headers.map(({ name, value }) => [name, value] as const),
        ...authentication.headers,
      ]),
      form: composed.method === 'POST' ? new URLSearchParams(form) : undefined,
    });
    return Response.json(
      { ...answer, added: authentication.added },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    return unreachableResponse('The request composer', env, error);
  } finally {
    // The log shows the assertion: it must not be one the server would still accept (./backend-assertion.ts).
    if (authentication.assertion) await spendClientAssertion(authentication.assertion);
  }
}
