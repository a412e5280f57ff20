import 'server-only';
import type { PlaygroundEnv } from '../config/env';
import { learnerCookieOf } from '../trace/learner-key';
import { curlCommand } from '../trace/curl';
import { clientAuthentication } from './client-authentication';
import { headerRecord, readComposedRequest } from './composer';

/**
 * POST /api/client/compose/curl: the composed request as a curl command the learner runs from a
 * terminal, sent straight to the endpoint with the chosen client's authentication and the learner
 * cookie, so that it lands in the learner's trace. It is copied, not shown: it holds the client's
 * secret and the cookie. A private_key_jwt client's assertion is not signed for it (an assertion the
 * browser holds must be spent first, lib/client/backend-assertion.ts): the command says so.
 */
export async function composedCurl(request: Request, env: PlaygroundEnv): Promise<Response> {
  const composed = await readComposedRequest(request);
  if (composed instanceof Response) return composed;
  const authentication = await clientAuthentication(composed, env, { sign: false });
  const post = composed.method === 'POST';
  // What the composer's own send adds (lib/client/forward.ts), where the learner did not write it.
  const written = headerRecord([
    ...composed.headers.map(({ name, value }) => [name, value] as const),
    ...authentication.headers,
  ]);
  const headers = {
    accept: 'application/json',
    ...(post && !('content-type' in written) ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    ...written,
  };
  const form = [...composed.form.map(({ name, value }) => [name, value]), ...authentication.form];
  const command = curlCommand(
    {
      method: composed.method,
      url: `${env.publicOrigin}${composed.path}`,
      headers: Object.entries(headers),
      body: post ? new URLSearchParams(form).toString() : null,
    },
    { cookie: await learnerCookieOf(request.headers) },
  );
  const unsigned = authentication.unsigned
    ? ` # ${authentication.unsigned} signs a fresh client_assertion for each token request: add one (RFC 7523 §2.2)`
    : '';
  return Response.json({ command: command + unsigned }, { headers: { 'cache-control': 'no-store' } });
}
