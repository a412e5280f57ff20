'use client';

import { HttpLog } from '../http-log/http-log';
import { PresenterProvider, PresenterShortcut } from '../walkthrough/presenter';
import { useTrace } from '../walkthrough/use-trace';

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
