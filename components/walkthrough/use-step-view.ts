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
    // Back with an answer (accepted or refused); an interrupted trip focuses its own "Try again".
    if (was === 'away' && (now === 'step' || now === 'result'))
      actions.current?.focus({ preventScroll: true });
    if (now === 'result' && result.current?.childElementCount) {
      // Under the step's heading where it sticks to the pane's top (from 1024 px), not behind it.
      const heading = card.current?.querySelector<HTMLElement>('.step-heading');
      const covered = heading && getComputedStyle(heading).position === 'sticky' ? heading.offsetHeight : 0;
      // A few pixels of air: a fractional scroll position must not shave the response's heading.
      scrollToTop(result.current, covered + 8, 'always');
    } else if ((now === 'step' || now === 'result') && card.current) scrollToTop(card.current, 0, 'if-above');
  }, [moment, card, result, actions]);
}

/**
 * Scrolls the pane that holds the element (the step pane, or the page on a phone) so that its top sits
 * `covered` pixels under the pane's top: always, or only when it is above it (what sits above the card,
 * an attack's panel, stays where it is when the card's top is already on screen).
 */
function scrollToTop(element: HTMLElement, covered: number, when: 'always' | 'if-above') {
  let pane = element.parentElement;
  while (
    pane &&
    !(/auto|scroll/.test(getComputedStyle(pane).overflowY) && pane.scrollHeight > pane.clientHeight)
  )
    pane = pane.parentElement;
  const offset =
    element.getBoundingClientRect().top - (pane ? pane.getBoundingClientRect().top : 0) - covered;
  if (when === 'always' || offset < 0) (pane ?? window).scrollBy({ top: offset });
}
