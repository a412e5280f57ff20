import { createHash, randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, EmbeddedJWK, jwtVerify, type JWTPayload } from 'jose';

/**
 * How a resource server checks a DPoP-bound access token (RFC 9449 §7.1): the request says `DPoP`, not
 * `Bearer`, and carries a fresh proof signed by the key the token is bound to (`cnf.jkt`), made for this
 * method and URL, for this token (`ath`), and never seen before (`jti`). oidc-provider checks proofs at
 * its own endpoints only; a separate resource server does it itself, with jose.
 */
export const DPOP_ALGORITHMS = ['ES256', 'Ed25519', 'EdDSA'];
/** Seconds a proof is accepted after its `iat` (as oidc-provider), and its `jti` remembered. */
export const PROOF_MAX_AGE = 300;
/** The longest `jti` accepted: enough for any random identifier, too short to fill the replay store. */
export const MAX_JTI_LENGTH = 256;
/** Proofs one key may have remembered at a time (within PROOF_MAX_AGE): a bound on the replay store. */
export const MAX_PROOFS_PER_KEY = 1000;

export type DpopErrorCode = 'invalid_token' | 'invalid_dpop_proof';

/** A refusal in RFC 9449 §7.1's terms: 401 with a `WWW-Authenticate: DPoP` challenge naming the error. */
export class DpopError extends Error {
  constructor(
    readonly error: DpopErrorCode,
    readonly description: string,
  ) {
    super(description);
  }

  /** The exact `WWW-Authenticate` value the resource server answers with. */
  get challenge(): string {
    return dpopChallenge(this.error, this.description);
  }
}

/**
 * A header value must be a ByteString, and RFC 9110's quoted-string holds printable ASCII: typographic
 * quotes become ASCII ones, any other character outside it (CR, LF, accents) a `?`, and `"`/`\` a `'`.
 */
const quoted = (value: string) =>
  value
    .replace(/[‘’]/g, "'")
    .replace(/[“”"\\]/g, "'")
    .replace(/[^\x20-\x7e]/g, '?');

/** A claim's value as a refusal may echo it: short, and as JSON so that its type shows. */
const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
};

export const dpopChallenge = (error?: DpopErrorCode, description?: string) =>
  [
    `DPoP algs="${DPOP_ALGORITHMS.join(' ')}"`,
    ...(error ? [`error="${error}"`] : []),
    ...(description ? [`error_description="${quoted(description)}"`] : []),
  ].join(', ');

/** RFC 9449 §4.3: `htu` is compared without its query and fragment. */
const withoutQuery = (url: string) => {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
};

/** `ath` (RFC 9449 §4.2): base64url(SHA-256(access token)). */
export const accessTokenHash = (accessToken: string) =>
  createHash('sha256').update(accessToken).digest('base64url');

/** Remembers a proof's `jti` for as long as the proof could be accepted: true the first time only. */
export type RememberOnce = (key: string, value: string, ttlSeconds: number) => Promise<string>;

export type ProofCheck = {
  method: string;
  /** The URL the client called, as the client saw it (the public origin). */
  url: string;
  proof: string | null;
  /** The access token the proof accompanies; none at the token endpoint, where `ath` is not checked. */
  accessToken?: string;
  /** The thumbprint the token is bound to (`cnf.jkt`). */
  jkt: string;
  rememberOnce: RememberOnce;
  /** Counts a proof by the key `jkt` and answers how many it made in the last PROOF_MAX_AGE seconds. */
  proofsByKey?: (jkt: string) => Promise<number>;
};

/** `ath` (RFC 9449 §4.3 step 12): present with an access token, the hash of exactly that token. */
function checkAth(ath: unknown, accessToken: string) {
  if (typeof ath !== 'string')
    throw new DpopError(
      'invalid_dpop_proof',
      `the proof's ath must be a string (the hash of the access token), not ${shown(ath)}`,
    );
  if (ath !== accessTokenHash(accessToken))
    throw new DpopError('invalid_dpop_proof', "the proof's ath is not the hash of this access token");
}

/** RFC 9449 §4.3 and §7.1: answers the proof's claims, or throws a DpopError naming what failed. */
export async function checkDpopProof(check: ProofCheck): Promise<JWTPayload> {
  if (!check.proof) throw new DpopError('invalid_dpop_proof', 'a DPoP proof (the DPoP header) is required');
  let payload: JWTPayload;
  let jwk: Parameters<typeof calculateJwkThumbprint>[0];
  try {
    const verified = await jwtVerify(check.proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: DPOP_ALGORITHMS,
      maxTokenAge: PROOF_MAX_AGE,
      clockTolerance: 5,
    });
    payload = verified.payload;
    jwk = verified.protectedHeader.jwk!;
  } catch (error) {
    throw new DpopError(
      'invalid_dpop_proof',
      `the DPoP proof is invalid: ${error instanceof Error ? error.message : 'it does not verify'}`,
    );
  }
  if (payload.htm !== check.method)
    throw new DpopError(
      'invalid_dpop_proof',
      typeof payload.htm === 'string' && /^[A-Z]{1,10}$/.test(payload.htm)
        ? `the proof is for ${payload.htm}, this request is ${check.method} (htm mismatch)`
        : `the proof's htm is ${shown(payload.htm)}, this request is ${check.method} (htm mismatch)`,
    );
  if (typeof payload.htu !== 'string' || !URL.canParse(payload.htu))
    throw new DpopError('invalid_dpop_proof', 'the proof has no valid htu');
  if (withoutQuery(payload.htu) !== withoutQuery(check.url))
    throw new DpopError(
      'invalid_dpop_proof',
      `the proof is for ${withoutQuery(payload.htu)}, this request is for ${withoutQuery(check.url)} (htu mismatch)`,
    );
  if (check.accessToken !== undefined) checkAth(payload.ath, check.accessToken);
  if ((await calculateJwkThumbprint(jwk)) !== check.jkt)
    throw new DpopError('invalid_token', 'the proof is signed by a key the access token is not bound to');
  if (typeof payload.jti !== 'string' || !payload.jti)
    throw new DpopError('invalid_dpop_proof', 'the proof has no jti');
  if (payload.jti.length > MAX_JTI_LENGTH)
    throw new DpopError('invalid_dpop_proof', `the proof's jti is longer than ${MAX_JTI_LENGTH} characters`);
  if (check.proofsByKey && (await check.proofsByKey(check.jkt)) > MAX_PROOFS_PER_KEY)
    throw new DpopError(
      'invalid_dpop_proof',
      `too many proofs by this key: at most ${MAX_PROOFS_PER_KEY} in ${PROOF_MAX_AGE} seconds`,
    );
  const mark = randomUUID();
  // Remembered as a hash: the store holds a fixed-size key whatever the proof's jti.
  const jtiHash = createHash('sha256').update(payload.jti).digest('base64url');
  const first = await check.rememberOnce(`dpop-jti:${check.jkt}:${jtiHash}`, mark, PROOF_MAX_AGE + 5);
  if (first !== mark)
    throw new DpopError('invalid_dpop_proof', 'this proof was used before (jti replay); make a fresh one');
  return payload;
}
