'use client';

import type { RequestDescription } from '@/machines/walkthrough/describe';
import { useMasks } from './presenter';

/** The request as it will go on the wire, one parameter a line. */
export function RequestPreview({ request }: { request: RequestDescription }) {
  const url = new URL(request.url);
  const masks = useMasks();
  return (
    <div className="mt-4">
      <h3 className="font-semibold">The request</h3>
      <p className="text-sm text-slate-600">Sent by: {request.sender}</p>
      <pre
        tabIndex={0}
        aria-label="Request about to be sent"
        className="mt-1 overflow-x-auto rounded-lg bg-slate-900 p-3 text-sm leading-relaxed text-slate-100"
      >
        <span className="text-amber-300">{request.method}</span> {url.origin}
        {url.pathname}
        {[...url.searchParams].map(([name, value], index) => (
          <span key={name}>
            {'\n  '}
            {index === 0 ? '?' : '&'}
            <span className="text-sky-300">{name}</span>={masks.value(name, value)}
          </span>
        ))}
        {request.headers.map(([name, value]) => (
          <span key={name}>
            {'\n'}
            <span className="text-emerald-300">{name}</span>: {masks.text(value)}
          </span>
        ))}
        {request.body
          ? `\n\n${request.body
              .split('&')
              .map((pair) => masks.text(decodeURIComponent(pair.replace(/\+/g, ' '))))
              .join('\n&')}`
          : null}
      </pre>
    </div>
  );
}
