'use client';

import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves the view with the run, so that a learner never has to look for what a step did: after a send,
 * to the response (in the step pane, or the page on a phone); on a new step, to the step; back from the
 * authorization server, the focus lands on the step's actions (named after the step) instead of the
 * page's body. `moment` is "<step>:<away|busy|step|result>". The first render moves nothing: a page
 * opens at its top.
 */
export function useStepView({
  moment,
  card,
  result,
  actions,
}: {
  moment: string;
  card: RefObject<HTMLElement | null>;
  result: RefObject<HTMLElement | null>;
  actions: RefObject<HTMLElement | null>;
}) {
  const previous = useRef(moment);
  useEffect(() => {
    const before = previous.current;
    previous.current = moment;
    if (before === moment) return;
    const was = before.split(':')[1];
    const now = moment.split(':')[1];
    if (was === 'away' && now !== 'away') actions.current?.focus({ preventScroll: true });
    if (now === 'result' && result.current?.childElementCount)
      result.current.scrollIntoView({ block: 'start' });
    // The step's heading, moved as little as needed: what sits above the card (an attack's panel) stays.
    else if (now === 'step' || now === 'result')
      card.current?.querySelector('h2')?.scrollIntoView({ block: 'nearest' });
  }, [moment, card, result, actions]);
}
