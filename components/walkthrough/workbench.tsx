import type { ReactNode } from 'react';

/**
 * The walkthrough's workbench: what a step does beside what it did. From 1024 px wide the page is one
 * screen high: the step (its card and "Next step") in the left pane, the live diagram and the log of
 * exchanges in the right one, each pane scrolling on its own, so that after any step the learner
 * sees the step, the diagram and the newest exchange without scrolling the page. Narrower, the parts
 * stack in reading order: step, diagram, log. The sizes live in app/globals.css (`.workbench`).
 */
export function Workbench({
  toolbar,
  step,
  diagram,
  log,
}: {
  /** The instructor's tools: auto-play, the step link, the classroom, the shortcuts. */
  toolbar?: ReactNode;
  step: ReactNode;
  diagram: ReactNode;
  log: ReactNode;
}) {
  return (
    <div className="workbench">
      {toolbar ? <div className="workbench-toolbar">{toolbar}</div> : null}
      {/* The two panes scroll on their own: focusable, so that the keyboard can scroll them too. */}
      <div className="workbench-step" role="group" aria-label="Current step" tabIndex={0}>
        {step}
      </div>
      <div className="workbench-diagram">{diagram}</div>
      <div className="workbench-log" role="group" aria-label="Exchanges of this run" tabIndex={0}>
        {log}
      </div>
    </div>
  );
}
