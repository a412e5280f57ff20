'use client';

import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The implicit flow answers in the fragment, which never reaches a server: only the browser can show it. */
export function FragmentParameters() {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  const entries = [...new URLSearchParams(hash.replace(/^#/, '')).entries()];
  return (
    <>
      <h2 className="text-lg font-semibold">Fragment parameters</h2>
      {entries.length ? (
        <dl
          aria-label="Fragment parameters"
          className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded bg-white p-4"
        >
          {entries.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-semibold">
                <code>{name}</code>
              </dt>
              <dd className="break-all">
                <code>{value}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>None.</p>
      )}
    </>
  );
}
