'use client';

import { useEffect, useRef, useState } from 'react';
import type { Row } from './compose-request';

const field = 'block w-full rounded border border-slate-500 px-2 py-1 font-mono text-sm';

/**
 * Editable name/value rows (the composer's headers or form): each field labelled with its row's
 * number, a row added gets the focus, a row removed hands it to "Add".
 */
export function NameValueRows({
  noun,
  rows,
  onChange,
}: {
  /** "header" or "form parameter": the labels say it. */
  noun: string;
  rows: readonly Row[];
  onChange(rows: Row[]): void;
}) {
  const [focusKey, setFocusKey] = useState<number | 'add' | undefined>();
  const add = useRef<HTMLButtonElement>(null);
  const names = useRef(new Map<number, HTMLInputElement>());
  useEffect(() => {
    if (focusKey === 'add') add.current?.focus();
    else if (focusKey !== undefined) names.current.get(focusKey)?.focus();
  }, [focusKey]);
  const update = (key: number, change: Partial<Row>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <div>
      {rows.length ? (
        <ul className="space-y-2">
          {rows.map((row, index) => (
            <li key={row.key} className="grid grid-cols-[1fr_2fr_auto] items-center gap-2">
              <input
                ref={(input) => {
                  if (input) names.current.set(row.key, input);
                  else names.current.delete(row.key);
                }}
                aria-label={`${capitalized(noun)} ${index + 1} name`}
                className={field}
                value={row.name}
                onChange={(event) => update(row.key, { name: event.target.value })}
              />
              <input
                aria-label={`${capitalized(noun)} ${index + 1} value`}
                className={field}
                value={row.value}
                onChange={(event) => update(row.key, { value: event.target.value })}
              />
              <button
                type="button"
                className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-50"
                onClick={() => {
                  onChange(rows.filter((other) => other.key !== row.key));
                  setFocusKey('add');
                }}
              >
                Remove {noun} {index + 1}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">None.</p>
      )}
      <button
        ref={add}
        type="button"
        className="mt-2 rounded border border-slate-400 px-2 py-1 text-sm font-semibold hover:bg-slate-50"
        onClick={() => {
          const key = Math.max(0, ...rows.map((row) => row.key)) + 1;
          onChange([...rows, { key, name: '', value: '' }]);
          setFocusKey(key);
        }}
      >
        Add a {noun}
      </button>
    </div>
  );
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
