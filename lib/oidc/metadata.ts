import { runNodeListener } from './node-bridge';
import { authorizationServer } from './provider';
import { jsonMembers } from '../walkthrough/response-bodies';

/**
 * RFC 8414 authorization server metadata. For an issuer with a path (`/oidc`) it lives at
 * `/.well-known/oauth-authorization-server/oidc` (section 3.1); its content is the provider's own
 * discovery document, which is a valid RFC 8414 document.
 */
export async function authorizationServerMetadata(): Promise<Record<string, unknown>> {
  const { listener, env } = await authorizationServer();
  const discovery = new Request(`${env.issuer}/.well-known/openid-configuration`);
  const { response } = await runNodeListener(listener, discovery, {
    mountPath: '/oidc',
    // The server asking itself: no learner, and no limit applies to discovery.
    requester: { address: '127.0.0.1', learnerId: undefined },
  });
  return jsonMembers(await response.json());
}
