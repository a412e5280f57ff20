'use client';

import dynamic from 'next/dynamic';

/** Drawn in the browser only: the room and its key are in this browser's storage. */
export const ClassProgressLoader = dynamic(() => import('./class-progress'), {
  ssr: false,
  loading: () => <p className="mt-4 text-slate-600">Looking for your classroom room…</p>,
});
