import 'server-only';
import type { PlaygroundEnv } from '../../../../lib/config/env';
import { fetchOverLoopback } from '../../../../lib/client/loopback-fetch';
import { errorResponse } from '../../../../lib/http/errors';
import { unreachableResponse } from '../../../../lib/http/unreachable';
import { onBehalfOf } from '../../../../lib/http/requester';
import { authorizationServer } from '../../../../lib/oidc/provider';
import { FROM_HEADER } from '../../../../lib/trace/roles';
import { RUN_HEADER, runOf } from '../../../../lib/trace/run';
import { weaknessesOf } from '../../../../lib/oidc/weak-clients';

export type DowngradeWrapperParts = {
  /** The stored authorization code, as oidc-provider keeps it (its code_challenge, if one was sent). */
  findCode(code: string): Promise<{ codeChallenge?: string } | undefined>;
  /** The token request, as it goes on to the real token endpoint. */
  forward(form: URLSearchParams): Promise<Response>;
};

/**
 * DELIBERATELY VULNERABLE, attack lab only: the authorization server RFC 9700 §4.8.2 warns about. It
 * enforces PKCE only when the authorization request carried a code_challenge, and otherwise ignores the
 * code_verifier instead of refusing it, so a code the attacker obtained without a challenge is redeemed
 * by a client that sends its own verifier. oidc-provider refuses that request with no switch to turn the
 * check off (lib/helpers/pkce.js), so this wrapper in front of it drops the code_verifier before
 * forwarding. It serves only a lab client registered with `refuseCodeVerifierWithoutChallenge: false`,
 * and only codes issued without a challenge; anything else is refused, never passed on weakened.
 */
export async function tokenWithoutDowngradeCheck(
  request: Request,
  parts: DowngradeWrapperParts,
): Promise<Response> {
  if (!request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded'))
    return errorResponse(
      400,
      'invalid_request',
      'A token request is a form: application/x-www-form-urlencoded.',
    );
  const form = new URLSearchParams(await request.text());
  const clientId = form.get('client_id') ?? '';
  if (weaknessesOf(clientId).refuseCodeVerifierWithoutChallenge !== false)
    return errorResponse(
      403,
      'unauthorized_client',
      `This deliberately vulnerable token endpoint of the attack lab serves only its pkce-downgrade client, not ${clientId ? `“${clientId}”` : 'a request without client_id'}. Every other client uses /oidc/token.`,
    );
  if (form.get('grant_type') !== 'authorization_code')
    return errorResponse(
      400,
      'unsupported_grant_type',
      'This lab endpoint redeems authorization codes only (grant_type=authorization_code).',
    );
  const code = form.get('code');
  if (!code) return errorResponse(400, 'invalid_request', 'code is missing.');
  const stored = await parts.findCode(code).catch(() => undefined);
  if (stored?.codeChallenge)
    return errorResponse(
      400,
      'invalid_request',
      'This code was issued with a code_challenge: the lab endpoint weakens only codes issued without one. Redeem it at /oidc/token.',
    );
  // The weakness itself: a code issued without a challenge, so the verifier is dropped, not checked.
  if (stored) form.delete('code_verifier');
  // An unknown code goes on as it is: the real token endpoint refuses it in its own words.
  const answer = await parts.forward(form);
  return new Response(answer.body, {
    status: answer.status,
    headers: {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
      'cache-control': 'no-store',
    },
  });
}

/** The wrapper in front of this process's authorization server, forwarding over loopback to /oidc/token. */
export async function labTokenWithoutDowngradeCheck(request: Request, env: PlaygroundEnv): Promise<Response> {
  const { provider } = await authorizationServer();
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/x-www-form-urlencoded',
    [FROM_HEADER]: 'client',
    ...(await onBehalfOf(request.headers)),
  };
  const run = runOf(request.headers);
  if (run) headers[RUN_HEADER] = run;
  return tokenWithoutDowngradeCheck(request, {
    findCode: async (code) => provider.AuthorizationCode.find(code),
    forward: async (form) => {
      try {
        return await fetchOverLoopback(env.internalOrigin, env.publicOrigin, '/oidc/token', {
          method: 'POST',
          headers,
          body: form,
        });
      } catch (error) {
        return unreachableResponse('The lab endpoint', env, error);
      }
    },
  });
}
