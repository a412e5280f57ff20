import { errors, type KoaContextWithOIDC, type Provider } from 'oidc-provider';
import { authenticate, findAccount } from '../accounts';
import { OIDC_SCOPES, STATIC_SCOPES } from '../configuration';
import { requesterOf } from '../node-bridge';
import { resourceIdentifier, resourceServerInfo } from '../resource-server';
import type { LearnerThrottle } from '../../http/learner-throttle';
import { throttleMessage } from '../sign-in-throttle';

/**
 * The Resource Owner Password Credentials grant (RFC 6749 section 4.3). oidc-provider does not ship it
 * (OAuth 2.1 and the Security BCP, RFC 9700 section 2.4, forbid it), so the playground adds it to
 * teach why: the client sees the user's password. The client has authenticated before this runs.
 */
export const PASSWORD_GRANT_TYPE = 'password';
export const PASSWORD_GRANT_PARAMETERS = ['username', 'password', 'scope', 'resource'];

const OIDC_ONLY = new Set<string>(OIDC_SCOPES);
const STATIC = new Set(STATIC_SCOPES);

// oidc-provider's InvalidGrant always says "grant request is invalid"; a learner deserves the reason.
const invalidGrant = (description: string) =>
  new errors.CustomOIDCProviderError('invalid_grant', description);

function single(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    if (name === 'resource')
      throw new errors.InvalidTarget('only a single resource indicator value is supported');
    throw new errors.InvalidRequest(`'${name}' parameter must only be provided once`);
  }
  return String(value);
}

export function passwordGrantHandler(provider: Provider, origin: string, throttle: LearnerThrottle) {
  const apiResource = resourceIdentifier(origin);
  const apiScopes = new Set(resourceServerInfo(origin).scope.split(' '));

  return async function passwordGrant(ctx: KoaContextWithOIDC) {
    const { client, params } = ctx.oidc;
    if (!client || !params) throw new errors.InvalidClient('client authentication failed');
    const username = single(params.username, 'username');
    const password = single(params.password, 'password');
    if (!username) throw new errors.InvalidRequest("missing required parameter 'username'");
    if (!password) throw new errors.InvalidRequest("missing required parameter 'password'");

    // ctx.ip is the requester's address (the bridge sets it); the learner comes with it.
    const requester = { ...requesterOf(ctx.req), address: ctx.ip };
    const verdict = await throttle.check(username, requester);
    if (!verdict.allowed) throw invalidGrant(throttleMessage(verdict));
    const accountId = authenticate(username, password);
    if (!accountId) {
      await throttle.recordFailure(username, requester);
      throw invalidGrant('invalid username or password');
    }
    await throttle.recordSuccess(username, requester);

    const resource = single(params.resource, 'resource');
    if (resource !== undefined && resource !== apiResource) {
      throw new errors.InvalidTarget(`unknown resource indicator; this server knows ${apiResource}`);
    }
    const requested = new Set(
      String(params.scope ?? '')
        .split(' ')
        .filter(Boolean),
    );
    if (client.scope) {
      const allowed = new Set(client.scope.split(' '));
      const refused = [...requested].filter((scope) => !allowed.has(scope));
      if (refused.length) throw new errors.InvalidScope('requested scope is not allowed', refused.join(' '));
    }
    // Unknown scopes are ignored, as at the authorization endpoint; the response's `scope` says what was
    // granted. With a resource, API scopes go into the JWT for it; without one, every static scope goes
    // into the opaque token, as oidc-provider does for the other grants.
    const oidcScopes = [...requested].filter(
      (scope) =>
        (resource ? OIDC_ONLY : STATIC).has(scope) &&
        (scope !== 'offline_access' || client.grantTypeAllowed('refresh_token')),
    );
    const resourceScopes = resource ? [...requested].filter((scope) => apiScopes.has(scope)) : [];

    const account = await findAccount(ctx, accountId);
    if (!account) throw invalidGrant('invalid username or password');
    const grant = new provider.Grant({ accountId, clientId: client.clientId });
    if (oidcScopes.length) grant.addOIDCScope(oidcScopes.join(' '));
    if (resource && resourceScopes.length) grant.addResourceScope(resource, resourceScopes.join(' '));
    const grantId = await grant.save();
    ctx.oidc.entity('Grant', grant);
    ctx.oidc.entity('Account', account);

    const authTime = Math.floor(Date.now() / 1000);
    const at = new provider.AccessToken({ accountId, client, grantId, gty: PASSWORD_GRANT_TYPE });
    if (resource) {
      at.resourceServer = new provider.ResourceServer(resource, resourceServerInfo(origin));
      at.scope = resourceScopes.join(' ') || undefined;
    } else {
      at.scope = oidcScopes.join(' ') || undefined;
    }
    ctx.oidc.entity('AccessToken', at);
    const accessToken = await at.save();

    let refreshToken: string | undefined;
    if (oidcScopes.includes('offline_access')) {
      const rt = new provider.RefreshToken({
        accountId,
        client,
        grantId,
        gty: PASSWORD_GRANT_TYPE,
        scope: [...oidcScopes, ...resourceScopes].join(' '),
        resource,
        authTime,
        rotations: 0,
      });
      ctx.oidc.entity('RefreshToken', rt);
      refreshToken = await rt.save();
    }

    let idToken: string | undefined;
    if (oidcScopes.includes('openid')) {
      const scope = oidcScopes.join(' ');
      const claims = await account.claims('id_token', scope, {}, []);
      const token = new provider.IdToken({ ...claims, auth_time: authTime }, { ctx });
      // IdToken.scope filters the claims by scope; the type definitions do not declare it.
      Object.assign(token, { scope });
      idToken = await token.issue({ use: 'idtoken' });
    }

    ctx.body = {
      access_token: accessToken,
      expires_in: at.expiration,
      token_type: at.tokenType,
      scope: at.scope,
      refresh_token: refreshToken,
      id_token: idToken,
    };
  };
}
