'use client';

import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type WheelEvent } from 'react';

const WIDE = '(min-width: 1024px)';

/** Whether an element inside the diagram (the sequence view) can itself scroll further that way. */
function scrollsItself(target: EventTarget, stop: Element, deltaY: number): boolean {
  for (let element = target as Element | null; element && element !== stop; element = element.parentElement) {
    const { overflowY } = getComputedStyle(element);
    if (overflowY !== 'auto' && overflowY !== 'scroll') continue;
    if (deltaY > 0 && element.scrollTop + element.clientHeight < element.scrollHeight - 1) return true;
    if (deltaY < 0 && element.scrollTop > 0) return true;
  }
  return false;
}

/**
 * The walkthrough's workbench: what a step does beside what it did. From 1024 px wide the page is one
 * screen high: the step (its card and "Next step") in the left pane, the live diagram and the log of
 * exchanges in the right one, so that after any step the learner sees the step, the diagram and the
 * newest exchange without scrolling the page. Reading the log or the tokens gives them the right pane:
 * opening an exchange or a token, focusing the tokens or the wheel over the diagram fold the diagram
 * away to one button; "Unfold the diagram" or the next step unfold it. Narrower, the
 * parts stack in reading order: step, diagram, log. The sizes live in app/globals.css (`.workbench`).
 */
export function Workbench({
  toolbar,
  step,
  diagram,
  log,
  stepKey,
}: {
  /** The instructor's tools: auto-play, the step link, the classroom, the shortcuts. */
  toolbar?: ReactNode;
  step: ReactNode;
  diagram: ReactNode;
  log: ReactNode;
  /** Changes with each step: the diagram unfolds to show what the step did. */
  stepKey?: string;
}) {
  const [reading, setReading] = useState(false);
  const [shownStep, setShownStep] = useState(stepKey);
  if (stepKey !== shownStep) {
    setShownStep(stepKey);
    setReading(false);
  }
  const logPane = useRef<HTMLDivElement>(null);
  const diagramPane = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const pane = logPane.current;
    if (!pane) return;
    // The learner opened an exchange or a token here (a click, or Enter on its summary): a selection
    // made in the diagram also opens the exchange, and must not fold away the diagram it was made in.
    let opening = false;
    const onClick = (event: MouseEvent) => {
      opening = event.target instanceof Element && event.target.closest('summary') !== null;
    };
    // `toggle` does not bubble, but it is seen on the way down (capture) by the pane that holds it.
    const onToggle = (event: Event) => {
      if (opening && event.target instanceof HTMLDetailsElement && event.target.open) setReading(true);
      opening = false;
    };
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof Element && event.target.closest('#tokens')) setReading(true);
    };
    pane.addEventListener('click', onClick, true);
    pane.addEventListener('toggle', onToggle, true);
    pane.addEventListener('focusin', onFocus);
    return () => {
      pane.removeEventListener('click', onClick, true);
      pane.removeEventListener('toggle', onToggle, true);
      pane.removeEventListener('focusin', onFocus);
    };
  }, []);

  // The pane just grew: what the learner opened or focused stays in sight.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (reading && active && logPane.current?.contains(active) && active !== logPane.current)
      active.scrollIntoView({ block: 'nearest' });
  }, [reading]);

  // The wheel over the diagram scrolls the right pane on: the diagram folds away and the log moves.
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    const pane = logPane.current;
    if (!pane || event.ctrlKey || !window.matchMedia(WIDE).matches) return;
    if (scrollsItself(event.target, event.currentTarget, event.deltaY)) return;
    if (event.deltaY > 0) setReading(true);
    else if (event.deltaY < 0 && pane.scrollTop <= 0) setReading(false);
    pane.scrollBy({ top: event.deltaY });
  };

  return (
    <div className="workbench" data-reading={reading ? '' : undefined}>
      {toolbar ? <div className="workbench-toolbar">{toolbar}</div> : null}
      {/* The two panes scroll on their own: focusable, so that the keyboard can scroll them too. */}
      <div className="workbench-step" role="group" aria-label="Current step" tabIndex={0}>
        {step}
      </div>
      <div ref={diagramPane} className="workbench-diagram" onWheel={onWheel}>
        {diagram}
        {reading ? (
          <button
            type="button"
            onClick={() => setReading(false)}
            className="mt-1 rounded border border-slate-300 bg-white px-3 py-1 text-sm font-semibold hover:bg-slate-50"
          >
            Unfold the diagram
          </button>
        ) : null}
      </div>
      <div
        ref={logPane}
        className="workbench-log"
        role="group"
        aria-label="Exchanges of this run"
        tabIndex={0}
      >
        {log}
      </div>
    </div>
  );
}
