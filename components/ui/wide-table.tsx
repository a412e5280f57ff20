import type { ReactNode } from 'react';

type Props<Row> = {
  /** The scrolling region's name, e.g. "Accounts table, scrolls sideways on a narrow screen". */
  label: string;
  columns: readonly string[];
  rows: readonly Row[];
  keyOf(row: Row): string;
  /** One cell per column, in order. */
  cellsOf(row: Row): readonly ReactNode[];
  /** `top` where a cell may wrap to several lines. */
  align?: 'top';
};

/**
 * A reference table on the page (demo accounts, demo clients). It scrolls on its own on a phone, so the
 * page never scrolls sideways; the region is focusable so the keyboard can scroll it too.
 */
export function WideTable<Row>({ label, columns, rows, keyOf, cellsOf, align }: Props<Row>) {
  return (
    <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      <table className="w-full border-collapse bg-white text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((column) => (
              <th key={column} scope="col" className="p-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={keyOf(row)} className={`border-b border-slate-200${align ? ' align-top' : ''}`}>
              {cellsOf(row).map((cell, index) => (
                <td key={columns[index]} className="p-2">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
