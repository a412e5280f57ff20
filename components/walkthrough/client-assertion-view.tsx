'use client';

import { decodeJwt, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { useEffect, useId, useState } from 'react';
import { relativeTime } from '@/lib/tokens/claims';
import { useMasks } from './presenter';

/** What each claim of a client assertion is for (RFC 7523 §3). */
const ASSERTION_CLAIMS: Array<[name: string, meaning: string]> = [
  ['iss', 'Who signed it: the client_id.'],
  ['sub', 'Who it is about: the client_id again, since the client authenticates as itself.'],
  [
    'aud',
    'The server it is for: its issuer identifier, as a single string (draft-ietf-oauth-rfc7523bis); this one refuses its token endpoint’s URL and any list.',
  ],
  ['jti', 'A unique id: the server remembers it until exp and refuses the same assertion twice.'],
  ['iat', 'When the client backend signed it.'],
  ['exp', 'When it stops being accepted: a minute after iat.'],
];

type Verification = 'checking' | 'verified' | 'not-verified';

function decoded(jwt: string) {
  try {
    return { header: decodeProtectedHeader(jwt), payload: decodeJwt(jwt) };
  } catch {
    return undefined;
  }
}

/**
 * The client assertion the backend signed, decoded, each claim explained, and its signature checked in
 * this browser against the public keys the authorization server registered for the client.
 */
export function ClientAssertionView({
  jwt,
  registeredJwks,
  sentBefore,
}: {
  jwt: string;
  registeredJwks: string;
  sentBefore?: boolean;
}) {
  const titleId = useId();
  const masks = useMasks();
  const [verification, setVerification] = useState<Verification>('checking');
  const parts = decoded(jwt);
  useEffect(() => {
    let cancelled = false;
    // The verification code comes with the first assertion shown, not with the page.
    import('@/lib/tokens/signature-check')
      .then((check) => check.signedByKeySet(jwt, JSON.parse(registeredJwks) as JSONWebKeySet))
      .then(
        (valid) => !cancelled && setVerification(valid ? 'verified' : 'not-verified'),
        () => !cancelled && setVerification('not-verified'),
      );
    return () => {
      cancelled = true;
    };
  }, [jwt, registeredJwks]);
  if (!parts) return null;
  const { header, payload } = parts;
  return (
    <section aria-labelledby={titleId} className="mt-4 rounded-lg border border-slate-300 p-3">
      <h3 id={titleId} className="font-semibold">
        {sentBefore ? 'The client assertion sent again' : 'The client assertion the backend signed'}
      </h3>
      <p className="text-sm text-slate-700">
        Header: alg <code>{String(header.alg)}</code>, kid{' '}
        <code className="break-all">{String(header.kid)}</code>
      </p>
      <p role="status" className="text-sm font-semibold">
        {verification === 'checking'
          ? 'Checking the signature…'
          : verification === 'verified'
            ? `Signature verified with the public key registered for ${String(payload.iss)}.`
            : 'The signature does not verify with the registered public key.'}
      </p>
      <dl aria-label="Client assertion claims" className="mt-2 divide-y divide-slate-200">
        {ASSERTION_CLAIMS.filter(([name]) => payload[name] !== undefined).map(([name, meaning]) => {
          const value = payload[name];
          return (
            <div key={name} className="grid gap-1 py-1.5 sm:grid-cols-[4rem_1fr]">
              <dt className="font-mono text-sm font-semibold text-as-accent">{name}</dt>
              <dd className="min-w-0 text-sm">
                <code className="break-all">{String(value)}</code>
                {typeof value === 'number' ? (
                  <span>
                    {' '}
                    = {new Date(value * 1000).toISOString()} ({relativeTime(value)})
                  </span>
                ) : null}
                <span className="block text-xs text-slate-600">{meaning}</span>
              </dd>
            </div>
          );
        })}
      </dl>
      <details className="mt-2 text-sm">
        <summary>The assertion as sent</summary>
        <p className="break-all font-mono">{masks.token(jwt)}</p>
      </details>
    </section>
  );
}
