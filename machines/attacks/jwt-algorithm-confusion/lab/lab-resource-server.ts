import 'server-only';
import { createRemoteJWKSet } from 'jose';
import { readEnv } from '../../../../lib/config/env';
import { resourceIdentifier } from '../../../../lib/oidc/resource-server';
import { recordedRoute } from '../../../../lib/trace/record-route';
import { whoAmI, type TokenPolicy } from './resource-server-alg';

let jwks: { url: string; set: ReturnType<typeof createRemoteJWKSet> } | undefined;

/**
 * The attack lab's resource server, one route per policy (app/attacks/resource-server/*): it checks JWT
 * access tokens for the playground's API audience with the issuer's published keys, and its exchanges
 * are recorded like the playground API's. Lab only: nothing else calls it.
 */
export function labResourceServer(policy: TokenPolicy) {
  return recordedRoute('resource-server', async (request: Request) => {
    const env = readEnv();
    const url = `${env.internalOrigin}/oidc/jwks`;
    if (jwks?.url !== url) jwks = { url, set: createRemoteJWKSet(new URL(url)) };
    return whoAmI(request, policy, {
      issuer: env.issuer,
      audience: resourceIdentifier(env.publicOrigin),
      keys: jwks.set,
    });
  });
}
