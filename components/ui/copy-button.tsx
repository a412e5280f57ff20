'use client';

import { useState } from 'react';

/**
 * Copies `text` to the clipboard. `text` may be a function, for a value the page fetches only when the
 * learner copies it (the learner cookie of "Copy as curl"), so that it is never rendered on screen.
 */
export function CopyButton({ text, label }: { text: string | (() => Promise<string>); label: string }) {
  const [copied, setCopied] = useState<boolean | undefined>();
  return (
    <button
      type="button"
      className="rounded border border-slate-300 px-3 py-1 text-sm font-semibold hover:bg-slate-50"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(typeof text === 'string' ? text : await text());
          setCopied(true);
        } catch {
          setCopied(false);
        }
        setTimeout(() => setCopied(undefined), 1500);
      }}
    >
      {label}
      <span role="status" className="sr-only">
        {copied === true ? 'Copied' : copied === false ? 'Not copied: the clipboard refused it' : ''}
      </span>
      {copied === true ? <span aria-hidden="true"> ✓</span> : null}
      {copied === false ? <span aria-hidden="true"> (not copied)</span> : null}
    </button>
  );
}
