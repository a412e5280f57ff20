'use client';

import { useSyncExternalStore } from 'react';
import { ParameterList } from '../ui/parameter-list';

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
      <ParameterList label="Fragment parameters" entries={entries} />
    </>
  );
}
