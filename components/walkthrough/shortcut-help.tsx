'use client';

import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './use-shortcuts';

/** The `?` overlay: a modal dialog (Escape closes it) listing the keys. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      className="m-auto rounded-xl p-6 backdrop:bg-slate-900/50"
    >
      <h2 id="shortcuts-title" className="text-xl font-bold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-400 bg-slate-100 px-1.5 font-mono text-sm">
                {shortcut.keys}
              </kbd>
            </dt>
            <dd>{shortcut.action}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-600">Keys do nothing while you type in a field.</p>
      <button
        type="button"
        onClick={onClose}
        className="mt-4 rounded-lg bg-slate-200 px-4 py-1.5 font-semibold hover:bg-slate-300"
      >
        Close
      </button>
    </dialog>
  );
}
