import { z } from 'zod';
import type { PlaygroundEnv } from '../config/env';
import { fetchOverLoopback } from '../client/loopback-fetch';
import { errorResponse } from '../http/errors';
import { unreachableResponse } from '../http/unreachable';
import { onBehalfOf } from '../http/requester';
import { FROM_HEADER } from '../trace/roles';
import { RUN_HEADER, runOf } from '../trace/run';
import { authorizeAsAttacker } from './attacker-authorize';
import { learnerAndForm, learnerOf, noLearner } from './learner-and-form';
import { lootStore, type LootItem } from './loot';
import { tokenResponseOf } from '../walkthrough/response-bodies';
import { ATTACKER, PARTY_HEADER } from './party';

/**
 * The attack lab's attacker: a server of its own inside the playground. It receives what a scenario's
 * victim leaks (POST /api/attacker/loot), shows what it holds (GET), and uses it against the playground's
 * own endpoints only (fixed paths, never a URL from the request). Its requests carry the party header,
 * so the diagram draws them as the attacker's.
 */
export const nothingStolen = (what: string) =>
  errorResponse(
    409,
    'nothing_stolen',
    `The attacker holds no ${what} from this run, so it has nothing to replay.`,
  );

/** What every request of the attacker's server carries: the party header, the learner and the run it serves. */
export async function attackerHeaders(request: Request): Promise<Record<string, string>> {
  const headers: Record<string, string> = {
    [FROM_HEADER]: 'client',
    [PARTY_HEADER]: ATTACKER,
    ...(await onBehalfOf(request.headers)),
  };
  const run = runOf(request.headers);
  if (run) headers[RUN_HEADER] = run;
  return headers;
}

export async function asAttacker(
  request: Request,
  env: PlaygroundEnv,
  path: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; form?: Record<string, string> },
) {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(await attackerHeaders(request)),
    ...init.headers,
  };
  if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetchOverLoopback(env.internalOrigin, env.publicOrigin, path, {
    method: init.method,
    headers,
    body: init.form ? new URLSearchParams(init.form) : undefined,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  // A refusal's challenge (RFC 6750 §3, RFC 9449 §7.1) is part of what the server answered.
  const challenge = response.headers.get('www-authenticate') ?? undefined;
  return { status: response.status, body, ...(challenge ? { challenge } : {}) };
}

/** What the playground's server answered the attacker: status, body, and the challenge of a refusal. */
type Answer = { status: number; body: unknown; challenge?: string };

/** The attacker's request to the playground, or a clear 502 when the playground cannot be reached. */
export async function attempt(send: () => Promise<Answer>, env: PlaygroundEnv) {
  try {
    return relay(await send());
  } catch (error) {
    return unreachableResponse('The attacker', env, error);
  }
}

/** The attacker's answer: exactly what the playground's server answered it. */
const relay = ({ status, body, challenge }: Answer) =>
  Response.json(body, {
    status,
    headers: { 'cache-control': 'no-store', ...(challenge ? { 'www-authenticate': challenge } : {}) },
  });

/**
 * The token endpoint's answer to the attacker, passed on; an access token it issued (RFC 6749 §5.1) is
 * kept as loot first, with where it came from.
 */
export function keepIssuedAccessToken(
  learnerId: string,
  answer: Answer,
  origin: Pick<LootItem, 'client_id' | 'how' | 'run'>,
): Answer {
  const { access_token } = tokenResponseOf(answer.body);
  if (answer.status === 200 && access_token !== undefined)
    lootStore().add(learnerId, {
      kind: 'access_token',
      value: access_token,
      ...origin,
      at: new Date().toISOString(),
    });
  return answer;
}

/** POST /api/attacker/refresh-token-replay: the stolen refresh token at the token endpoint (RFC 6749 §6). */
export async function replayRefreshToken(request: Request, env: PlaygroundEnv): Promise<Response> {
  const learnerId = await learnerOf(request);
  if (!learnerId) return noLearner();
  const stolen = lootStore().newest(learnerId, 'refresh_token', runOf(request.headers));
  if (!stolen) return nothingStolen('refresh token');
  return attempt(async () => {
    const answer = await asAttacker(request, env, '/oidc/token', {
      method: 'POST',
      form: {
        grant_type: 'refresh_token',
        refresh_token: stolen.value,
        ...(stolen.client_id ? { client_id: stolen.client_id } : {}),
      },
    });
    return keepIssuedAccessToken(learnerId, answer, {
      client_id: stolen.client_id,
      how: 'got by replaying the stolen refresh token',
      run: stolen.run,
    });
  }, env);
}

/** POST /api/attacker/call-api: the newest stolen access token at the playground's API (RFC 6750 §2.1). */
export async function callApiAsVictim(request: Request, env: PlaygroundEnv): Promise<Response> {
  const learnerId = await learnerOf(request);
  if (!learnerId) return noLearner();
  const stolen = lootStore().newest(learnerId, 'access_token', runOf(request.headers));
  if (!stolen) return nothingStolen('access token');
  return attempt(
    () =>
      asAttacker(request, env, '/api/v1/accounts/verify_credentials', {
        method: 'GET',
        headers: { authorization: `Bearer ${stolen.value}` },
      }),
    env,
  );
}

export const codeRequestSchema = z.object({
  client_id: z.string().regex(/^lab-[a-z0-9-]+$/, 'client_id must be one of the attack lab’s clients'),
});

/**
 * POST /api/attacker/authorization-code: the attacker gets a code for its own account (bob) for the
 * victim's client, and keeps it unredeemed (login CSRF, RFC 9700 §4.7). Only the lab's clients.
 */
export async function obtainAttackerCode(request: Request, env: PlaygroundEnv): Promise<Response> {
  const read = await learnerAndForm(request, codeRequestSchema);
  if (read instanceof Response) return read;
  const { learnerId, form } = read;
  try {
    const result = await authorizeAsAttacker(request, env, form.client_id, `${env.publicOrigin}/callback`);
    if (!result.ok) return errorResponse(502, result.error, result.error_description);
    lootStore().add(learnerId, {
      kind: 'code',
      value: result.code,
      client_id: form.client_id,
      how: 'issued to the attacker signed in as bob, not redeemed',
      run: runOf(request.headers),
      at: new Date().toISOString(),
    });
    return Response.json(
      { code_for: 'bob', client_id: form.client_id, redirects_followed: result.hops },
      { status: 201, headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    return unreachableResponse('The attacker', env, error);
  }
}

/**
 * GET /api/attacker/forged-callback: the attacker's page the victim is lured to. It sends the victim's
 * browser to the client's redirect URI with the attacker's code, as if the victim had just signed in.
 */
export async function forgedCallback(request: Request, env: PlaygroundEnv): Promise<Response> {
  const learnerId = await learnerOf(request);
  if (!learnerId) return noLearner();
  const code = lootStore().newest(learnerId, 'code', runOf(request.headers));
  if (!code) return nothingStolen('authorization code');
  const target = new URL('/callback', env.publicOrigin);
  target.searchParams.set('code', code.value);
  target.searchParams.set('iss', `${env.publicOrigin}/oidc`);
  return new Response(null, { status: 303, headers: { location: target.href, 'cache-control': 'no-store' } });
}

/** POST /api/attacker/redeem-code: the caught code at the token endpoint, without a code_verifier (RFC 7636 §1). */
export async function redeemCaughtCode(request: Request, env: PlaygroundEnv): Promise<Response> {
  const learnerId = await learnerOf(request);
  if (!learnerId) return noLearner();
  const caught = lootStore().newest(learnerId, 'code', runOf(request.headers));
  if (!caught) return nothingStolen('authorization code');
  return attempt(async () => {
    const answer = await asAttacker(request, env, '/oidc/token', {
      method: 'POST',
      form: {
        grant_type: 'authorization_code',
        code: caught.value,
        // The redirect_uri the code was issued for: the client's, or the one the attacker slipped in.
        redirect_uri: caught.redirect_uri ?? `${env.publicOrigin}/callback`,
        ...(caught.client_id ? { client_id: caught.client_id } : {}),
      },
    });
    return keepIssuedAccessToken(learnerId, answer, {
      client_id: caught.client_id,
      how: 'got by redeeming the caught code',
      run: caught.run,
    });
  }, env);
}
