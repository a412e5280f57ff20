'use client';

import { decodeJwt, decodeProtectedHeader } from 'jose';
import { useEffect, useState } from 'react';
import { CLAIM_EXPLANATIONS, relativeTime, TIME_CLAIMS } from '@/lib/tokens/claims';
import { jsonMembers } from '@/lib/walkthrough/response-bodies';
import { CopyButton } from '../ui/copy-button';
import { useMasks } from '../walkthrough/presenter';

type Verification = 'checking' | 'valid' | 'invalid';

function decode(token: string) {
  try {
    return { header: decodeProtectedHeader(token), payload: decodeJwt(token) };
  } catch {
    return undefined;
  }
}

function ClaimValue({ name, value }: { name: string; value: unknown }) {
  if (TIME_CLAIMS.has(name) && typeof value === 'number') {
    return (
      <>
        <code>{value}</code> = {new Date(value * 1000).toISOString()} ({relativeTime(value)})
      </>
    );
  }
  return <code className="break-all">{typeof value === 'string' ? value : JSON.stringify(value)}</code>;
}

/** One token: decoded and verified when it is a JWT, explained and introspectable when it is opaque. */
export function TokenCard({
  name,
  token,
  origin,
  scope,
  issuedBy,
}: {
  name: string;
  token: string;
  origin: string;
  scope?: string;
  issuedBy?: string;
}) {
  const decoded = decode(token);
  const masks = useMasks();
  const [verification, setVerification] = useState<Verification>('checking');
  const [introspection, setIntrospection] = useState<unknown>();

  // Another server's JWT is decoded but not verified: the playground holds only its own keys.
  const isJwt = decoded !== undefined && !issuedBy;
  // A DPoP proof (RFC 9449 §4.2) is signed by the client's own key, which its header carries (jwk).
  const isProof = decoded?.header.typ === 'dpop+jwt';
  useEffect(() => {
    if (!isJwt) return;
    let cancelled = false;
    // The verification code comes with the first token shown, not with the page.
    import('@/lib/tokens/signature-check')
      .then((check) => (isProof ? check.signedByEmbeddedKey(token) : check.signedByIssuer(token, origin)))
      .then(
        (valid) => !cancelled && setVerification(valid ? 'valid' : 'invalid'),
        () => !cancelled && setVerification('invalid'),
      );
    return () => {
      cancelled = true;
    };
  }, [token, origin, isJwt, isProof]);

  const introspect = async () => {
    const response = await fetch('/api/client/introspect', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    setIntrospection(jsonMembers(await response.json()).body);
  };

  return (
    <article aria-label={name} className="rounded-xl border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">
          {name}{' '}
          <span className="text-sm font-normal text-slate-600">
            {decoded ? `JWT (${String(decoded.header.typ ?? 'JWT')})` : 'opaque'}
          </span>
        </h3>
        <CopyButton text={token} label={`Copy ${name.toLowerCase()}`} />
      </div>
      <p className="mt-1 font-mono text-xs break-all text-slate-700">{masks.token(token)}</p>
      {decoded ? (
        <>
          <p className="mt-2 text-sm" role="status">
            Signature:{' '}
            {issuedBy ? (
              `not checked here (issued by ${issuedBy})`
            ) : verification === 'checking' ? (
              'checking against the server’s JWKS…'
            ) : verification === 'valid' ? (
              <strong className="text-emerald-800">
                {isProof
                  ? 'verified with the public key in its own header (jwk): the client’s DPoP key'
                  : `verified with the authorization server’s key ${String(decoded.header.kid)}`}
              </strong>
            ) : isProof ? (
              <strong className="text-red-800">does not verify with the key in its header</strong>
            ) : (
              <strong className="text-red-800">does not verify against the server’s JWKS</strong>
            )}
          </p>
          <h4 className="mt-3 text-sm font-semibold">Header</h4>
          <pre
            tabIndex={0}
            aria-label="JWT header"
            className="overflow-x-auto rounded bg-slate-100 p-2 text-xs"
          >
            {JSON.stringify(decoded.header, null, 2)}
          </pre>
          <h4 className="mt-3 text-sm font-semibold">Signature</h4>
          <p className="font-mono text-xs break-all text-slate-700">{token.split('.')[2]}</p>
          <p className="text-xs text-slate-600">
            {isProof
              ? `${String(decoded.header.alg)} over the first two parts, made with the private key that never left the browser (non-extractable); typ dpop+jwt says it is a DPoP proof, and the server checks it with the jwk above, whose thumbprint the token’s cnf.jkt names.`
              : `${String(decoded.header.alg)} over the first two parts, made with the private key named by kid; anyone can check it with the public key at /oidc/jwks.`}
          </p>
          <h4 className="mt-3 text-sm font-semibold">Payload</h4>
          <dl className="mt-1 divide-y divide-slate-200 rounded border border-slate-200 text-sm">
            {Object.entries(decoded.payload).map(([claim, value]) => (
              <div key={claim} className="grid gap-1 px-3 py-1.5 sm:grid-cols-[9rem_1fr]">
                <dt className="font-mono font-semibold">{claim}</dt>
                <dd className="min-w-0">
                  <ClaimValue name={claim} value={value} />
                  {CLAIM_EXPLANATIONS[claim] ? (
                    <span className="block text-xs text-slate-600">{CLAIM_EXPLANATIONS[claim]}</span>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <div className="mt-2 text-sm text-slate-700">
          <p>
            An opaque token is a random reference: only the authorization server knows what it means. A
            resource server asks it by introspection (RFC 7662).{scope ? ` Granted scope: ${scope}.` : ''}
            {issuedBy
              ? ` It was issued by ${issuedBy} and stays in this browser: the playground never sends it anywhere else.`
              : ''}
          </p>
          {issuedBy ? null : (
            <button
              type="button"
              onClick={introspect}
              className="mt-2 rounded border border-slate-300 px-3 py-1 font-semibold hover:bg-slate-50"
            >
              Introspect {name.toLowerCase()}
            </button>
          )}
          {introspection ? (
            <pre
              tabIndex={0}
              aria-label="Introspection response"
              className="mt-2 overflow-x-auto rounded bg-slate-100 p-2 text-xs"
            >
              {JSON.stringify(introspection, null, 2)}
            </pre>
          ) : null}
        </div>
      )}
    </article>
  );
}
