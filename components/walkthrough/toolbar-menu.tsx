'use client';

import { useId, useState, type ReactNode } from 'react';

/**
 * A button in the workbench's toolbar that shows a panel below it (the disclosure pattern). The panel
 * stays mounted while closed: what it runs keeps running (the classroom room follows every step).
 */
export function ToolbarMenu({
  label,
  align = 'right',
  children,
}: {
  label: string;
  /** Which edge of the button the panel lines up with. */
  align?: 'left' | 'right';
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50"
      >
        {label} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={`absolute z-20 mt-1 rounded-xl shadow-lg ${align === 'left' ? 'left-0 w-72' : 'right-0 w-[min(36rem,calc(100vw-2rem))]'}`}
      >
        {children}
      </div>
    </div>
  );
}
