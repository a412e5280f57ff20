'use client';

import { useId, useState, type ReactNode } from 'react';
import { ToolbarMenu } from './toolbar-menu';

/**
 * The instructor's tools, in one row above the workbench so that none of them sits between the step
 * and the diagram: auto-play, the step's deep link and the classroom room (each behind a button), the
 * keyboard shortcuts, and a way to the tokens, after the page's heading. Only the heading stays in
 * presenter view. On a phone they all sit behind one button, "Instructor tools", so that the step is on
 * the first screen; closed, they stay mounted (the classroom room keeps following the run).
 */
export function WalkthroughToolbar({
  title,
  tools,
}: {
  /** The page's heading: it stays in presenter view, the tools do not. */
  title?: ReactNode;
  /** None while the run is being prepared: the heading is drawn, and the tools' button waits. */
  tools?: {
    autopilot: ReactNode;
    stepLink: ReactNode;
    room: ReactNode;
    /** The classroom's menu opens: its panel's code is loaded then. */
    onClassroom?(): void;
    onShortcuts(): void;
  };
}) {
  const [open, setOpen] = useState(false);
  const toolsId = useId();
  return (
    <div className="flex flex-wrap items-center gap-2">
      {title}
      <button
        type="button"
        data-chrome
        aria-expanded={open}
        aria-controls={tools ? toolsId : undefined}
        disabled={!tools}
        onClick={() => setOpen(!open)}
        className="ml-auto rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 disabled:text-slate-500 sm:hidden"
      >
        Instructor tools
      </button>
      {tools ? <Tools id={toolsId} open={open} {...tools} /> : null}
    </div>
  );
}

function Tools({
  id,
  open,
  autopilot,
  stepLink,
  room,
  onClassroom,
  onShortcuts,
}: {
  id: string;
  open: boolean;
  autopilot: ReactNode;
  stepLink: ReactNode;
  room: ReactNode;
  onClassroom?(): void;
  onShortcuts(): void;
}) {
  return (
    <div
      id={id}
      data-chrome
      className={`min-w-0 flex-1 flex-wrap items-center justify-end gap-2 max-sm:basis-full ${open ? 'flex' : 'hidden sm:flex'}`}
    >
      <div className="min-w-0 flex-1 basis-64">{autopilot}</div>
      <ToolbarMenu label="Link to this step">{stepLink}</ToolbarMenu>
      <ToolbarMenu label="Classroom" onOpen={onClassroom}>
        {room}
      </ToolbarMenu>
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
  );
}
