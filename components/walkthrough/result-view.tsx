'use client';

import type { ExchangeResult } from '@/lib/walkthrough/types';
import { useMasks } from './presenter';

const CHALLENGE_HEADERS = ['www-authenticate', 'dpop-nonce'];
const HEADER_NAMES: Record<string, string> = {
  'www-authenticate': 'WWW-Authenticate',
  'dpop-nonce': 'DPoP-Nonce',
};

/** The response the step received, status first. */
export function ResultView({ result }: { result: ExchangeResult }) {
  const ok = result.status >= 200 && result.status < 300;
  const masks = useMasks();
  return (
    <div className="mt-4">
      <h3 className="font-semibold">
        The response: <span className={ok ? 'text-emerald-800' : 'text-red-800'}>{result.status}</span>
      </h3>
      {/* RFC 6750 §3 and RFC 9449 §7.1, §8: a refusal's challenge and a server's nonce are in headers. */}
      {CHALLENGE_HEADERS.filter((name) => result.headers[name]).map((name) => (
        <p key={name} className="mt-1 font-mono text-sm break-all">
          {HEADER_NAMES[name]}: {result.headers[name]}
        </p>
      ))}
      <pre
        tabIndex={0}
        aria-label="Response body"
        className="mt-1 max-h-80 overflow-auto rounded-lg bg-slate-100 p-3 text-sm"
      >
        {masks.text(typeof result.body === 'string' ? result.body : JSON.stringify(result.body, null, 2))}
      </pre>
    </div>
  );
}
