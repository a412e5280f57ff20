'use client';

import { useId, useState, type ReactNode } from 'react';

/**
 * A button in the workbench's toolbar that shows a panel below it (the disclosure pattern). The panel
 * stays mounted while closed: what it runs keeps running (the classroom room follows every step).
 */
export function ToolbarMenu({
  label,
  align = 'right',
  onOpen,
  children,
}: {
  label: string;
  /** Called as the panel opens (the classroom loads its code then). */
  onOpen?(): void;
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
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
        className="inline-flex items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50"
      >
        {label}
        {/* A drawn triangle, not a character: the button's name and text stay the label alone. */}
        <svg aria-hidden="true" viewBox="0 0 10 6" className={`h-1.5 w-2.5 ${open ? 'rotate-180' : ''}`}>
          <path d="M0 0h10L5 6z" fill="currentColor" />
        </svg>
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
