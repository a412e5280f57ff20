'use client';

import { useId } from 'react';
import { useMasks } from './presenter';

function UrlLines({ label, url }: { label: string; url: string }) {
  const masks = useMasks();
  const parsed = new URL(url);
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      className="mt-1 overflow-x-auto rounded-lg bg-slate-900 p-3 text-sm leading-relaxed text-slate-100"
    >
      <span className="text-amber-300">GET</span> {parsed.pathname}
      {[...parsed.searchParams].map(([name, value], index) => (
        <span key={name}>
          {'\n  '}
          {index === 0 ? '?' : '&'}
          <span className="text-sky-300">{name}</span>={masks.value(name, value)}
        </span>
      ))}
    </pre>
  );
}

/**
 * RFC 9126 side by side: the authorization URL a classic client puts in the browser, every parameter in
 * it, and the one a client that pushed its request sends instead.
 */
export function AuthorizationUrlsView({ classic, pushed }: { classic: string; pushed: string }) {
  const titleId = useId();
  const count = (url: string) => [...new URL(url).searchParams].length;
  return (
    <section aria-labelledby={titleId} className="mt-4">
      <h3 id={titleId} className="font-semibold">
        The two authorization URLs
      </h3>
      <div className="mt-1 grid gap-3 @lg:grid-cols-2">
        <div className="min-w-0">
          <p className="text-sm text-slate-700">
            Classic: {count(classic)} parameters, {classic.length} characters, all readable in the browser
          </p>
          <UrlLines label="Classic authorization URL" url={classic} />
        </div>
        <div className="min-w-0">
          <p className="text-sm text-slate-700">
            Pushed (PAR): {count(pushed)} parameters, {pushed.length} characters
          </p>
          <UrlLines label="Pushed authorization URL" url={pushed} />
        </div>
      </div>
    </section>
  );
}
