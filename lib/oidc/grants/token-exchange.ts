import { createLocalJWKSet, jwtVerify } from 'jose';
import { errors, type KoaContextWithOIDC, type Provider } from 'oidc-provider';
import { scopeCovers } from '../../mastodon/scopes';
import { publicJwksOf, type ProviderKeys } from '../keys';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT_TYPE } from './token-exchange-names';
import { boundThumbprint } from '../../tokens/structured-claims';
import { exchangedTokenBinding } from './token-exchange-binding';
import { ASSISTANT, assistantIdentifier, resourceIdentifier, resourceServerInfo } from '../resource-server';

/**
 * OAuth 2.0 Token Exchange (RFC 8693), added with registerGrantType: oidc-provider has no built-in
 * support. An agent (the assistant) holds a user's access token issued for the assistant's audience
 * (the subject token) and its own client-credentials token (the actor token); it exchanges them for a
 * token for the playground's API, with a narrower scope, whose `sub` is still the user and whose
 * `act` claim (RFC 8693 §4.1) names the agent acting for them. The client has authenticated before this runs.
 */
export { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT_TYPE };
export const TOKEN_EXCHANGE_PARAMETERS = [
  'subject_token',
  'subject_token_type',
  'actor_token',
  'actor_token_type',
  'requested_token_type',
  'audience',
  'resource',
  'scope',
];
/** RFC 8693 §2.1: `resource` and `audience` may be given more than once. */
export const TOKEN_EXCHANGE_DUPLICATES = ['audience', 'resource'];

type Actor = { act: { sub: string } };
// The access tokens this grant makes, and who acts in them: read by configuration's extraTokenClaims.
const actors = new WeakMap<object, Actor>();

/** `act` for a token this grant issued (configuration.extraTokenClaims), nothing for any other token. */
export const actorClaims = (token: object): Actor | undefined => actors.get(token);

// oidc-provider's InvalidGrant always says "grant request is invalid"; a learner deserves the reason.
const invalidGrant = (description: string) =>
  new errors.CustomOIDCProviderError('invalid_grant', description);

function values(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function single(value: unknown, name: string): string | undefined {
  const all = values(value);
  if (all.length > 1) throw new errors.InvalidRequest(`'${name}' parameter must only be provided once`);
  return all[0];
}

const words = (scope: unknown) =>
  new Set(
    String(scope ?? '')
      .split(' ')
      .filter(Boolean),
  );

export function tokenExchangeGrantHandler(provider: Provider, origin: string, keys: ProviderKeys) {
  const apiResource = resourceIdentifier(origin);
  const assistant = assistantIdentifier(origin);
  const jwks = createLocalJWKSet(publicJwksOf(keys));
  const issuer = `${origin}/oidc`;

  /** §2.1: the subject token, a JWT access token this server issued for the assistant's audience. */
  async function subjectOf(token: string) {
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer,
        audience: assistant,
        typ: 'at+jwt',
        // Its exp bounds the exchanged token's.
        requiredClaims: ['exp'],
      });
      return payload;
    } catch (error) {
      throw invalidGrant(
        `subject_token is not a valid access token for ${assistant} (${error instanceof Error ? error.message : 'it does not verify'})`,
      );
    }
  }

  return async function tokenExchange(ctx: KoaContextWithOIDC) {
    const { client, params } = ctx.oidc;
    if (!client || !params) throw new errors.InvalidClient('client authentication failed');
    const subjectToken = single(params.subject_token, 'subject_token');
    const subjectTokenType = single(params.subject_token_type, 'subject_token_type');
    if (!subjectToken) throw new errors.InvalidRequest("missing required parameter 'subject_token'");
    if (!subjectTokenType) throw new errors.InvalidRequest("missing required parameter 'subject_token_type'");
    if (subjectTokenType !== ACCESS_TOKEN_TYPE)
      throw new errors.InvalidRequest(`subject_token_type must be ${ACCESS_TOKEN_TYPE}`);
    const requestedType = single(params.requested_token_type, 'requested_token_type');
    if (requestedType && requestedType !== ACCESS_TOKEN_TYPE)
      throw new errors.InvalidRequest(
        `requested_token_type must be ${ACCESS_TOKEN_TYPE}; only access tokens are issued`,
      );

    // §2.1: where the new token will be used. This server issues exchanged tokens for its API only.
    const targets = [...values(params.resource), ...values(params.audience)];
    const refused = targets.filter((target) => target !== apiResource);
    if (refused.length)
      throw new errors.InvalidTarget(
        `${refused.join(', ')} is not an audience this server issues exchanged tokens for; it issues them for ${apiResource}`,
      );

    const subject = await subjectOf(subjectToken);
    if (client.clientId !== ASSISTANT.clientId)
      throw invalidGrant(`only ${ASSISTANT.clientId} may exchange tokens issued for ${assistant}`);
    const accountId = subject.sub;
    if (!accountId || accountId === subject.client_id)
      throw invalidGrant('subject_token is not a user’s token (its sub is a client)');

    // §4.1: with an actor token, the new token says who acts; the actor must be the client asking.
    let actor: Actor | undefined;
    const actorToken = single(params.actor_token, 'actor_token');
    if (actorToken) {
      const actorTokenType = single(params.actor_token_type, 'actor_token_type');
      if (actorTokenType !== ACCESS_TOKEN_TYPE)
        throw new errors.InvalidRequest(
          `actor_token_type must be ${ACCESS_TOKEN_TYPE} when actor_token is sent`,
        );
      const held = await provider.ClientCredentials.find(actorToken);
      if (!held || held.isExpired)
        throw invalidGrant('actor_token is not an active client credentials token');
      if (held.clientId !== client.clientId)
        throw invalidGrant(`actor_token was issued to ${held.clientId}, not to ${client.clientId}`);
      actor = { act: { sub: client.clientId } };
    } else if (params.actor_token_type) {
      throw new errors.InvalidRequest('actor_token_type is sent without actor_token');
    }

    // §5.2: the new token never gets more than the subject token had (`read` covers `read:accounts`).
    const granted = words(subject.scope);
    const requested = params.scope ? words(params.scope) : granted;
    const wider = [...requested].filter((scope) => !scopeCovers(granted, scope));
    if (wider.length)
      throw new errors.InvalidScope(
        `requested scope exceeds the subject_token’s scope (${[...granted].join(' ')})`,
        wider.join(' '),
      );
    const scope = [...requested].join(' ');

    // RFC 9449 with RFC 8693: a bound subject token is exchanged only with a proof by its key, and the
    // new token is bound to it (token-exchange-binding.ts).
    const jkt = await exchangedTokenBinding(ctx, provider, boundThumbprint(subject.cnf));
    // The new token never outlives its subject token, and its grant lives exactly as long.
    const expiresIn = Math.min(
      resourceServerInfo(origin).accessTokenTTL!,
      subject.exp! - Math.floor(Date.now() / 1000),
    );

    const grant = new provider.Grant({ accountId, clientId: client.clientId });
    // A Grant is a BaseToken in oidc-provider (its TTL read from expiresIn); the types omit the field.
    Object.assign(grant, { expiresIn });
    grant.addResourceScope(apiResource, scope);
    const grantId = await grant.save();
    const at = new provider.AccessToken({
      accountId,
      client,
      grantId,
      gty: TOKEN_EXCHANGE_GRANT_TYPE,
      scope,
      expiresIn,
    });
    at.resourceServer = new provider.ResourceServer(apiResource, resourceServerInfo(origin));
    if (jkt) at.setThumbprint('jkt', jkt);
    if (actor) actors.set(at, actor);
    ctx.oidc.entity('AccessToken', at);
    const accessToken = await at.save();
    ctx.body = {
      access_token: accessToken,
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: at.tokenType,
      expires_in: at.expiration,
      scope,
    };
  };
}
