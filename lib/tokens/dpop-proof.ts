import {
  calculateJwkThumbprint,
  decodeJwt,
  decodeProtectedHeader,
  type JWK,
  base64url as joseBase64url,
} from 'jose';
import { boundThumbprint } from './structured-claims';

/**
 * A DPoP proof (RFC 9449 §4.2) read as a learner reads it: its header and claims, each with what it is
 * for, and the checks a server makes that can be made again in the browser from the run's own values:
 * htm and htu against the request it went with, ath against the access token it went with, and the
 * thumbprint of its jwk (RFC 7638) against the token's cnf.jkt. Only the public key is in a proof.
 */

export const DPOP_PROOF_RFC = {
  label: 'RFC 9449 §4.2',
  href: 'https://www.rfc-editor.org/rfc/rfc9449#section-4.2',
} as const;

export type ProofField = { name: string; value: string; meaning: string };

export type DecodedDpopProof = {
  header: ProofField[];
  claims: ProofField[];
  jwk: JWK;
  payload: Record<string, unknown>;
};

const HEADER_MEANINGS: Array<[name: string, meaning: string]> = [
  ['typ', 'dpop+jwt: this JWT is a DPoP proof, not a token; a server refuses any other type.'],
  ['alg', 'The signature algorithm: an asymmetric one (ES256 here), never none or a shared secret.'],
  [
    'jwk',
    'The public half of the key that signed the proof. The private half stays in this browser, non-extractable: no script, not even this page, can read it.',
  ],
];

const CLAIM_MEANINGS: Array<[name: string, meaning: string]> = [
  ['htm', 'The HTTP method of the request this proof is for: the server compares it with the request.'],
  ['htu', 'The URL of that request, without query or fragment: a proof made for one URL fails at another.'],
  ['iat', 'When the browser signed it: a server accepts only recent proofs.'],
  ['jti', 'A unique id: the server remembers it for a while and refuses the same proof twice.'],
  [
    'ath',
    'The hash of the access token sent with it: base64url(SHA-256(token)). Only with a token, at the resource server.',
  ],
  ['nonce', 'The value the server sent in its DPoP-Nonce header: proves the proof was made after it asked.'],
];

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The proof's header and claims, in the RFC's order, each explained; undefined when it is no JWT. */
export function decodeDpopProof(proof: string): DecodedDpopProof | undefined {
  try {
    const header = decodeProtectedHeader(proof);
    const payload = decodeJwt(proof);
    const fields = (object: Record<string, unknown>, meanings: Array<[string, string]>) =>
      meanings
        .filter(([name]) => object[name] !== undefined)
        .map(([name, meaning]) => ({ name, value: shown(object[name]), meaning }));
    return {
      header: fields(header, HEADER_MEANINGS),
      claims: fields(payload, CLAIM_MEANINGS),
      jwk: header.jwk ?? {},
      payload,
    };
  } catch {
    return undefined;
  }
}

const base64url = (bytes: ArrayBuffer) => joseBase64url.encode(new Uint8Array(bytes));

/** `ath` (RFC 9449 §4.2): base64url of the SHA-256 of the access token's ASCII, made with WebCrypto. */
export const accessTokenHashInBrowser = async (accessToken: string) =>
  base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken)));

/** The `cnf.jkt` a DPoP-bound JWT access token names (RFC 9449 §6.1), if it is a JWT with one. */
export function confirmationThumbprint(accessToken: string | undefined): string | undefined {
  if (!accessToken) return undefined;
  try {
    return boundThumbprint(decodeJwt(accessToken).cnf);
  } catch {
    return undefined;
  }
}

export type ProofCheck = { name: string; ok: boolean; says: string };

/** The request a proof went with, as the step sent it. */
export type SentWith = { method: string; url: string; accessToken?: string };

/**
 * The checks of RFC 9449 §4.3 that need no server state, made again here: htm and htu against the
 * request sent, ath against the token sent, and (once the run holds a bound token) the jwk's
 * thumbprint against its cnf.jkt (§6.1, RFC 7638).
 */
export async function checkDpopProof(
  proof: DecodedDpopProof,
  sent: SentWith,
  boundToken?: string,
): Promise<ProofCheck[]> {
  const { htm, htu, ath } = proof.payload;
  const url = new URL(sent.url);
  url.search = '';
  url.hash = '';
  const checks: ProofCheck[] = [
    htm === sent.method
      ? { name: 'htm', ok: true, says: `htm ${String(htm)} is the method of the request sent.` }
      : { name: 'htm', ok: false, says: `htm ${String(htm)} is not ${sent.method}, the method sent.` },
    htu === url.href
      ? { name: 'htu', ok: true, says: `htu is the URL the request went to.` }
      : { name: 'htu', ok: false, says: `htu ${String(htu)} is not ${url.href}, where it went.` },
  ];
  if (sent.accessToken) {
    const hash = await accessTokenHashInBrowser(sent.accessToken);
    checks.push(
      ath === hash
        ? { name: 'ath', ok: true, says: `ath = base64url(SHA-256(access token sent)) = ${hash}.` }
        : {
            name: 'ath',
            ok: false,
            says: `ath is not base64url(SHA-256(access token sent)) = ${hash}.`,
          },
    );
  }
  const jkt = confirmationThumbprint(boundToken);
  if (jkt) {
    const thumbprint = await calculateJwkThumbprint(proof.jwk);
    checks.push(
      thumbprint === jkt
        ? {
            name: 'jkt',
            ok: true,
            says: `The jwk’s thumbprint (RFC 7638) ${thumbprint} = the token’s cnf.jkt.`,
          }
        : {
            name: 'jkt',
            ok: false,
            says: `The jwk’s thumbprint ${thumbprint} is not the token’s cnf.jkt ${jkt}.`,
          },
    );
  }
  return checks;
}
