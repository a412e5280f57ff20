'use client';

import { useMasks } from '../walkthrough/presenter';
import { bodyText, type Sent } from './compose-request';

/** The endpoint's answer as it came (status, headers, body), or why the composer did not send it. */
export function ComposerAnswer({ sent }: { sent: Sent }) {
  const masks = useMasks();
  if (sent.kind === 'refused')
    return (
      <p role="alert" className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
        Not sent: {sent.message}
      </p>
    );
  const { status, headers, body, added } = sent.answer;
  return (
    <div className="space-y-2">
      <h3 className="text-lg font-bold">
        The answer: <span className={status < 400 ? 'text-emerald-800' : 'text-red-800'}>HTTP {status}</span>
      </h3>
      {added.length ? (
        <div className="text-sm text-slate-700">
          <p>The server added, as the client:</p>
          <ul className="list-disc pl-6">
            {added.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <pre
        tabIndex={0}
        aria-label="Answer headers"
        className="max-h-48 overflow-auto rounded bg-slate-100 p-2 text-xs"
      >
        {masks.text(
          Object.entries(headers)
            .map(([name, value]) => `${name}: ${value}`)
            .join('\n'),
        )}
      </pre>
      <pre
        tabIndex={0}
        aria-label="Answer body"
        className="max-h-72 overflow-auto rounded bg-slate-100 p-2 text-xs"
      >
        {masks.text(bodyText(body))}
      </pre>
    </div>
  );
}
