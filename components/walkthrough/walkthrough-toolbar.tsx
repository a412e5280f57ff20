'use client';

import type { ReactNode } from 'react';
import { ToolbarMenu } from './toolbar-menu';

/**
 * The instructor's tools, in one row above the workbench so that none of them sits between the step
 * and the diagram: auto-play, the step's deep link and the classroom room (each behind a button), the
 * keyboard shortcuts, and a way to the tokens, after the page's heading. Only the heading stays in
 * presenter view.
 */
export function WalkthroughToolbar({
  title,
  autopilot,
  stepLink,
  room,
  onShortcuts,
}: {
  /** The page's heading: it stays in presenter view, the tools do not. */
  title?: ReactNode;
  autopilot: ReactNode;
  stepLink: ReactNode;
  room: ReactNode;
  onShortcuts(): void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {title}
      <div data-chrome className="flex min-w-0 flex-1 flex-wrap items-center justify-end gap-2">
        <div className="min-w-0 flex-1 basis-64">{autopilot}</div>
        <ToolbarMenu label="Link to this step">{stepLink}</ToolbarMenu>
        <ToolbarMenu label="Classroom">{room}</ToolbarMenu>
        <button
          type="button"
          onClick={() => {
            const tokens = document.getElementById('tokens');
            tokens?.scrollIntoView({ block: 'start' });
            tokens?.focus();
          }}
          className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50"
        >
          Show tokens
        </button>
        <button
          type="button"
          aria-haspopup="dialog"
          onClick={onShortcuts}
          className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50"
        >
          Shortcuts <kbd aria-hidden="true">?</kbd>
        </button>
      </div>
    </div>
  );
}
