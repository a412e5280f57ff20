'use client';

import { usePathname } from 'next/navigation';

const LINK =
  'sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2';

// Pages whose main content is a step card: a grant's walkthrough, an attack of the lab, the Mastodon flow.
const WITH_A_STEP = /^\/(grants\/[^/]+|attacks\/[^/]+|mastodon)\/?$/;
// An attack's page also has its defenses and "Run the attack" (components/attacks, data-defenses).
const WITH_DEFENSES = /^\/attacks\/[^/]+\/?$/;

/** Focuses the first element a selector finds, centred, instead of following the link. */
const focusFirst = (selector: string) => (event: { preventDefault(): void }) => {
  const target = document.querySelector<HTMLElement>(selector);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
};

/**
 * The first stops of the Tab order: straight to the current step's buttons ("Next step" is then one or
 * two Tabs away), on an attack's page to its first defense, and to the main content. The step's button
 * row is marked data-step-actions.
 */
export function SkipLinks() {
  const pathname = usePathname();
  return (
    <>
      {WITH_A_STEP.test(pathname) ? (
        <a href="#main" className={LINK} onClick={focusFirst('[data-step-actions]')}>
          Skip to the step
        </a>
      ) : null}
      {WITH_DEFENSES.test(pathname) ? (
        <a href="#main" className={LINK} onClick={focusFirst('[data-defenses] input')}>
          Skip to the defenses
        </a>
      ) : null}
      <a href="#main" className={LINK}>
        Skip to content
      </a>
    </>
  );
}
