'use client';

import { usePathname } from 'next/navigation';

const LINK =
  'sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2';

// Pages whose main content is a step card: a grant's walkthrough and the Mastodon flow.
const WITH_A_STEP = /^\/(grants\/[^/]+|mastodon)\/?$/;

/**
 * The first stops of the Tab order: straight to the current step's buttons ("Next step" is then one or
 * two Tabs away), and to the main content. The step's button row is marked data-step-actions.
 */
export function SkipLinks() {
  const pathname = usePathname();
  return (
    <>
      {WITH_A_STEP.test(pathname) ? (
        <a
          href="#main"
          className={LINK}
          onClick={(event) => {
            const actions = document.querySelector<HTMLElement>('[data-step-actions]');
            if (!actions) return;
            event.preventDefault();
            actions.focus();
            actions.scrollIntoView({ block: 'center' });
          }}
        >
          Skip to the step
        </a>
      ) : null}
      <a href="#main" className={LINK}>
        Skip to content
      </a>
    </>
  );
}
