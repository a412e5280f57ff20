'use client';

import type { ExchangeResult } from '@/lib/walkthrough/types';
import { useMasks } from './presenter';

/** The response the step received, status first. */
export function ResultView({ result }: { result: ExchangeResult }) {
  const ok = result.status >= 200 && result.status < 300;
  const masks = useMasks();
  return (
    <div className="mt-4">
      <h3 className="font-semibold">
        The response: <span className={ok ? 'text-emerald-800' : 'text-red-800'}>{result.status}</span>
      </h3>
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
