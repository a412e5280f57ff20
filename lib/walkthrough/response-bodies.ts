import { z } from 'zod/mini';
import type { ExchangeResult, OAuthError, TokenSet } from './types';

/**
 * The members a walkthrough reads of the JSON bodies its steps receive, each read with a small schema:
 * a member that is missing or of another type reads as absent, never as a value of the wrong type.
 */

const optionalString = z.catch(z.optional(z.string()), undefined);
const optionalNumber = z.catch(z.optional(z.number()), undefined);
/** A body's members; anything but a JSON object has none. */
const membersOf = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.catch(z.object(shape), () => z.object(shape).parse({}));

const jsonObject = z.record(z.string(), z.unknown());
/** A JSON body's members, whatever they are, when it is an object (not an array, a text or null). */
export const jsonObjectOf = (body: unknown): Record<string, unknown> | undefined =>
  jsonObject.safeParse(body).data;
/** A JSON body's members, whatever they are; an empty record for anything but an object. */
export const jsonMembers = (body: unknown): Record<string, unknown> => jsonObjectOf(body) ?? {};

/** RFC 6749 §5.1: a token response, the members a run keeps (and OpenID Connect Core §3.1.3.3's id_token). */
const TOKEN_RESPONSE_MEMBERS = {
  access_token: optionalString,
  token_type: optionalString,
  expires_in: optionalNumber,
  scope: optionalString,
  refresh_token: optionalString,
  id_token: optionalString,
};
const tokenResponse = membersOf(TOKEN_RESPONSE_MEMBERS);
export const tokenResponseOf = (body: unknown) => tokenResponse.parse(body);

/** RFC 6749 §5.2: an error response's `error` and `error_description`. */
const errorResponse = membersOf({ error: optionalString, error_description: optionalString });
export const errorResponseOf = (body: unknown) => errorResponse.parse(body);

/**
 * An error response as the walkthrough shows it, verbatim with every member it has (RFC 6749 §5.2),
 * and its status; `HTTP <status>` stands for a missing `error`.
 */
export function oauthErrorIn(result: { status: number; body: unknown }): OAuthError {
  const others = Object.fromEntries(
    Object.entries(jsonMembers(result.body)).filter(
      ([name]) => name !== 'error' && name !== 'error_description',
    ),
  );
  const { error, error_description } = errorResponseOf(result.body);
  return {
    ...others,
    error: error ?? `HTTP ${result.status}`,
    ...(error_description !== undefined ? { error_description } : {}),
    status: result.status,
  };
}

/** A run's tokens as a room's view or a stored run carries them: only the tokens' own members. */
export const tokenSet = membersOf({
  ...TOKEN_RESPONSE_MEMBERS,
  rotated_refresh_token: optionalString,
  dpop_proof: optionalString,
  subject_token: optionalString,
  actor_token: optionalString,
}) satisfies z.ZodMiniType<TokenSet>;

/** OpenID Connect Core §5.3.2: the UserInfo response names its subject in `sub`. */
const userInfo = membersOf({ sub: optionalString });
export const subjectOf = (body: unknown) => userInfo.parse(body).sub;

/** Mastodon's Account entity (verify_credentials): the account's `acct`. */
const mastodonAccount = membersOf({ acct: optionalString });
export const acctOf = (body: unknown) => mastodonAccount.parse(body).acct;

/** RFC 9126 §2.2: the pushed authorization response. */
const pushedAuthorizationResponse = membersOf({ request_uri: optionalString, expires_in: optionalNumber });
export const pushedAuthorizationResponseOf = (body: unknown) => pushedAuthorizationResponse.parse(body);

/** A JWK Set (RFC 7517 §5) whose keys are JSON objects, as the client backend shows it to the browser. */
export const jsonWebKeySet = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

/** POST /api/client/send: the exchange the client backend made, as it answers it to the browser. */
export const relayedExchange = z.looseObject({
  status: z.number(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
  clientAssertion: z.optional(
    z.object({
      jwt: z.string(),
      registeredJwks: jsonWebKeySet,
    }),
  ),
  dpopProof: z.optional(z.string()),
}) satisfies z.ZodMiniType<ExchangeResult>;
