'use client';

import { useState } from 'react';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="rounded border border-slate-300 px-3 py-1 text-sm font-semibold hover:bg-slate-50"
      onClick={async () => {
        await navigator.clipboard.writeText(text);
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {label}
      <span role="status" className="sr-only">
        {copied ? 'Copied' : ''}
      </span>
      {copied ? <span aria-hidden="true"> ✓</span> : null}
    </button>
  );
}
