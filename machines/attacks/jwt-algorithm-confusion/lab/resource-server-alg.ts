import 'server-only';
import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { errorResponse } from '../../../../lib/http/errors';

/** The algorithm the playground's authorization server signs JWT access tokens with (resource-server.ts). */
export const PINNED_ALGORITHM = 'ES256';

export type TokenPolicy = 'trusts-alg' | 'pinned';

export type Expected = { issuer: string; audience: string; keys: JWTVerifyGetKey };

const bearerOf = (request: Request) =>
  /^Bearer (\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];

/**
 * DELIBERATELY VULNERABLE when `trusts-alg` (attack lab only): the token's own header says how to check
 * it, and `alg: none` means "do not" (RFC 8725 §2.1). `pinned` is the defense of RFC 8725 §3.1: one
 * algorithm, the issuer's keys, the issuer and the audience, whatever the header says.
 */
export async function verifyAccessToken(
  token: string,
  policy: TokenPolicy,
  expected: Expected,
): Promise<JWTPayload> {
  const { issuer, audience, keys } = expected;
  if (policy === 'trusts-alg' && decodeProtectedHeader(token).alg === 'none') return decodeJwt(token);
  const { payload } = await jwtVerify(token, keys, {
    issuer,
    audience,
    ...(policy === 'pinned' ? { algorithms: [PINNED_ALGORITHM] } : {}),
  });
  return payload;
}

/** GET /attacks/resource-server/<policy>: whose token is this? The lab API's one endpoint. */
export async function whoAmI(request: Request, policy: TokenPolicy, expected: Expected): Promise<Response> {
  const token = bearerOf(request);
  if (!token)
    return errorResponse(401, 'invalid_token', 'A Bearer access token is required (RFC 6750 §2.1).');
  try {
    const payload = await verifyAccessToken(token, policy, expected);
    return Response.json(
      { sub: payload.sub, client_id: payload.client_id, scope: payload.scope, checked_by: policy },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    return errorResponse(
      401,
      'invalid_token',
      error instanceof Error ? error.message : 'The access token does not verify.',
      { 'www-authenticate': 'Bearer error="invalid_token"' },
    );
  }
}
