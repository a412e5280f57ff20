import { decodeJwt } from 'jose';
import type { PlaygroundEnv } from '../config/env';
import { authorizationServer } from '../oidc/provider';
import { CLIENT_ASSERTION_MAX_LIFETIME } from '../oidc/client-assertion-policy';
import { jsonWebKeySet } from '../walkthrough/response-bodies';
import type { SignedClientAssertion } from '../walkthrough/types';
import { signClientAssertion } from './client-assertion';
import { signingClientIds } from './client-keys';

/**
 * What the client backend signs for a private_key_jwt client, and what it lets the browser see. It is
 * that client's backend, not a signing service: it signs only that client's token requests to its own
 * token endpoint, with the audiences the lesson offers (the issuer, which the server accepts, and the
 * token endpoint's URL, which draft-ietf-oauth-rfc7523bis makes it refuse). The browser gets the JWS
 * only after its `jti` is spent at this server, to show it decoded and verified and to replay it.
 */
export const TOKEN_ENDPOINT_PATH = '/oidc/token';

/** The issuer, which the server accepts, and the token endpoint, the refusal the lesson shows. */
export const offeredAudiences = (env: PlaygroundEnv) => [env.issuer, `${env.issuer}/token`];

type Outgoing = { method: string; path: string; clientAssertion?: { aud: string } };

/** Why the backend will not sign this request's assertion, or undefined when it will. */
export function assertionRefusal(clientId: string, outgoing: Outgoing, env: PlaygroundEnv) {
  if (!outgoing.clientAssertion) return undefined;
  if (!signingClientIds().includes(clientId))
    return `clientAssertion: ${clientId} authenticates with a client secret, not with private_key_jwt`;
  if (outgoing.method !== 'POST' || outgoing.path !== TOKEN_ENDPOINT_PATH)
    return `clientAssertion: the backend signs only token requests (POST ${TOKEN_ENDPOINT_PATH})`;
  const offered = offeredAudiences(env);
  if (!offered.includes(outgoing.clientAssertion.aud))
    return `clientAssertion.aud must be ${offered.join(' (the issuer) or ')} (the token endpoint, refused by the server): the backend signs no other audience`;
  return undefined;
}

/** A fresh assertion, with the public keys the authorization server registered for the client. */
export async function signForTokenRequest(clientId: string, aud: string): Promise<SignedClientAssertion> {
  const { storage, provider } = await authorizationServer();
  const jwt = await signClientAssertion(storage, clientId, aud);
  const registered = await provider.Client.find(clientId);
  // A client registered without a JWK Set (or with keys that are not JSON objects) shows none.
  const jwks = jsonWebKeySet.safeParse(registered?.metadata().jwks).data ?? { keys: [] };
  return { jwt, registeredJwks: jwks };
}

/**
 * Marks the assertion's `jti` as used in the authorization server's own replay store (as if it had been
 * accepted), whatever the server answered: a request refused before client authentication leaves it
 * unspent, and the browser must never hold an assertion the server would still accept.
 */
export async function spendClientAssertion(jwt: string): Promise<void> {
  const { iss, jti, exp } = decodeJwt(jwt);
  const { provider } = await authorizationServer();
  await provider.ReplayDetection.unique(iss!, jti!, exp! + CLIENT_ASSERTION_MAX_LIFETIME);
}
