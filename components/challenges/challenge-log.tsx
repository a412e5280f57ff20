'use client';

import { useEffect } from 'react';
import { HttpLog } from '../http-log/http-log';
import { PresenterProvider, usePresenter } from '../walkthrough/presenter';
import { useTrace } from '../walkthrough/use-trace';

/** P toggles the presenter view, as on every walkthrough; never while typing in a field. */
function PresenterShortcut() {
  const { toggle } = usePresenter();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target;
      const typing =
        target instanceof HTMLElement &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (typing || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (event.key === 'p' || event.key === 'P') toggle();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggle]);
  return null;
}

/**
 * The learner's whole trace, live, whatever sent the requests (a walkthrough, the address bar, curl),
 * numbered as a check names it, with the exchanges the check named marked. In presenter view its secrets
 * are masked until revealed, as in every walkthrough's log. Drawn in the browser only: it reads the page's
 * address for the presenter view, and the trace comes from the stream anyway.
 */
export default function ChallengeLog({
  marks,
  selectedSeq,
  onSelect,
}: {
  marks: ReadonlyMap<number, string>;
  selectedSeq: number | undefined;
  onSelect(seq: number): void;
}) {
  const { events } = useTrace(0);
  return (
    <PresenterProvider enabled>
      <PresenterShortcut />
      <HttpLog
        events={events}
        selectedSeq={selectedSeq}
        onSelect={onSelect}
        numbering="seq"
        marks={marks}
        source="Your whole trace, as the playground’s servers recorded it, numbered as the check names it."
        empty="No exchanges in your trace yet: they appear here as you make them, from any page, tab or terminal."
      />
    </PresenterProvider>
  );
}
