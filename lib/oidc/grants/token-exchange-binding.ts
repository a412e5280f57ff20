import { calculateJwkThumbprint, decodeProtectedHeader } from 'jose';
import { errors, type KoaContextWithOIDC, type Provider } from 'oidc-provider';
import { checkDpopProof, DpopError } from '../dpop-resource-server';

/**
 * Sender constraints through a token exchange. RFC 9449 §5: a token request with a DPoP proof gets a
 * token bound to the proof's key. RFC 9449 §7.1 and RFC 8693 §2.1/§5: a DPoP-bound token is presented
 * only with a proof by its key, and the server validates the subject token as it would at any resource
 * (§2.2.2: invalid_grant otherwise); an exchange that dropped the binding would let whoever holds a
 * stolen bound token trade it for a Bearer token. So a subject token with `cnf.jkt` is exchanged only
 * with a proof by that key, and the new token is bound to the same key. A proof sent with an unbound
 * subject token binds the new token to the proof's key, as at any token request.
 */

const invalidGrant = (description: string) =>
  new errors.CustomOIDCProviderError('invalid_grant', description);

async function proofKey(proof: string): Promise<string> {
  try {
    const { jwk } = decodeProtectedHeader(proof);
    if (!jwk) throw new Error('no jwk in the header');
    return await calculateJwkThumbprint(jwk);
  } catch {
    throw new errors.CustomOIDCProviderError(
      'invalid_dpop_proof',
      'the DPoP proof is not a JWT with its public key (jwk) in its header',
    );
  }
}

/** The thumbprint the exchanged token is bound to, or undefined for a Bearer token. */
export async function exchangedTokenBinding(
  ctx: KoaContextWithOIDC,
  provider: Provider,
  subjectJkt: string | undefined,
): Promise<string | undefined> {
  const proof = ctx.get('DPoP');
  if (!proof) {
    if (subjectJkt)
      throw invalidGrant(
        `subject_token is DPoP-bound (cnf.jkt ${subjectJkt}): the exchange needs a DPoP proof signed by that key`,
      );
    return undefined;
  }
  const jkt = subjectJkt ?? (await proofKey(proof));
  const clientId = ctx.oidc.client!.clientId;
  try {
    await checkDpopProof({
      method: ctx.method,
      url: ctx.oidc.urlFor('token'),
      proof,
      jkt,
      // The provider's own replay store, where it keeps the jti of the proofs sent to its endpoints.
      rememberOnce: async (key, value, ttl) =>
        (await provider.ReplayDetection.unique(clientId, key, Math.floor(Date.now() / 1000) + ttl))
          ? value
          : 'used before',
    });
  } catch (error) {
    if (!(error instanceof DpopError)) throw error;
    if (error.error === 'invalid_token')
      throw invalidGrant(
        `the DPoP proof is signed by a key subject_token is not bound to (its cnf.jkt is ${jkt})`,
      );
    throw new errors.CustomOIDCProviderError('invalid_dpop_proof', error.description);
  }
  return jkt;
}
