'use client';

import { useSyncExternalStore } from 'react';
import { ParameterList } from '../ui/parameter-list';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

// The implicit flow answers in the fragment, which never reaches a server: only the browser can show it.
const TITLES = { search: 'Query parameters', hash: 'Fragment parameters' } as const;

/**
 * The parameters the authorization server put in this page's address, read in the browser: the page
 * is static (a class arriving at once costs the server no render), so the query is shown like the
 * fragment, which no server ever sees.
 */
export function AddressParameters({ part }: { part: keyof typeof TITLES }) {
  const value = useSyncExternalStore(
    subscribe,
    () => window.location[part],
    () => null,
  );
  const title = TITLES[part];
  return (
    <>
      <h2 className="text-lg font-semibold">{title}</h2>
      {value === null ? (
        <p>Reading the address…</p>
      ) : (
        <ParameterList label={title} entries={[...new URLSearchParams(value.slice(1)).entries()]} />
      )}
    </>
  );
}
