'use client';

import { useEffect, useId, useState } from 'react';
import { relativeTime } from '@/lib/tokens/claims';
import {
  checkDpopProof,
  decodeDpopProof,
  DPOP_PROOF_RFC,
  type ProofCheck,
  type ProofField,
} from '@/lib/tokens/dpop-proof';
import type { DpopProofExhibit } from '@/lib/walkthrough/types';
import { useMasks } from './presenter';

function Fields({ label, fields }: { label: string; fields: ProofField[] }) {
  return (
    <dl aria-label={label} className="mt-2 divide-y divide-slate-200">
      {fields.map(({ name, value, meaning }) => (
        <div key={name} className="grid gap-1 py-1.5 sm:grid-cols-[4rem_1fr]">
          <dt className="font-mono text-sm font-semibold text-as-accent">{name}</dt>
          <dd className="min-w-0 text-sm">
            <code className="break-all">{value}</code>
            {name === 'iat' && Number(value) ? (
              <span>
                {' '}
                = {new Date(Number(value) * 1000).toISOString()} ({relativeTime(Number(value))})
              </span>
            ) : null}
            <span className="block text-xs text-slate-600">{meaning}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The DPoP proof the browser signed for this step's request, decoded, each part explained, and checked
 * here against what was sent: htm/htu against the request, ath against the access token, and the jwk's
 * thumbprint against the bound token's cnf.jkt. The private key is never shown: it cannot be exported.
 */
export function DpopProofView({ exhibit }: { exhibit: DpopProofExhibit }) {
  const titleId = useId();
  const masks = useMasks();
  const decoded = decodeDpopProof(exhibit.proof);
  const [checks, setChecks] = useState<ProofCheck[]>();
  const { proof, sent, boundToken } = exhibit;
  useEffect(() => {
    let cancelled = false;
    const parts = decodeDpopProof(proof);
    if (parts) void checkDpopProof(parts, sent, boundToken).then((result) => !cancelled && setChecks(result));
    return () => {
      cancelled = true;
    };
    // `sent` is rebuilt on each render; its fields are what the checks read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [proof, sent.method, sent.url, sent.accessToken, boundToken]);
  if (!decoded) return null;
  return (
    <section aria-labelledby={titleId} className="mt-4 rounded-lg border border-slate-300 p-3">
      <h3 id={titleId} className="font-semibold">
        The DPoP proof the browser signed for this request{' '}
        <a
          href={DPOP_PROOF_RFC.href}
          className="text-sm text-as-accent underline"
          target="_blank"
          rel="noreferrer"
        >
          {DPOP_PROOF_RFC.label}
        </a>
      </h3>
      <h4 className="mt-2 text-sm font-semibold">Checked in this browser</h4>
      <ul aria-label="DPoP proof checks" className="mt-1 space-y-1 text-sm">
        {checks ? (
          checks.map((check) => (
            <li key={check.name} className={check.ok ? 'text-emerald-900' : 'text-red-800'}>
              <span aria-hidden="true">{check.ok ? '✓ ' : '✗ '}</span>
              <span className="sr-only">{check.ok ? 'Passes: ' : 'Fails: '}</span>
              <span className="[overflow-wrap:anywhere]">{check.says}</span>
            </li>
          ))
        ) : (
          <li>Checking…</li>
        )}
      </ul>
      <h4 className="mt-2 text-sm font-semibold">Header</h4>
      <Fields label="DPoP proof header" fields={decoded.header} />
      <h4 className="mt-2 text-sm font-semibold">Claims</h4>
      <Fields label="DPoP proof claims" fields={decoded.claims} />
      {decoded.claims.some((field) => field.name === 'nonce') ? null : (
        <p className="text-xs text-slate-600">
          No nonce: the server has not sent a DPoP-Nonce to put in this proof.
        </p>
      )}
      <details className="mt-2 text-sm">
        <summary>The proof as sent (the DPoP header)</summary>
        <p className="break-all font-mono">{masks.token(exhibit.proof)}</p>
      </details>
    </section>
  );
}
