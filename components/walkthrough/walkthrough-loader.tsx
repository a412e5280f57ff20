'use client';

import { startTransition, useCallback, useEffect, useState, type ReactNode } from 'react';
import { loadGrantWalkthrough } from '@/machines/walkthroughs';
import { FlowErrorBoundary } from '../ui/flow-error-boundary';
import { WalkthroughToolbar } from './walkthrough-toolbar';
import type { WalkthroughLoad, WalkthroughPlacement, WalkthroughSetup } from './walkthrough-setup';

type RunParts = typeof import('./run-parts');

/**
 * A walkthrough on its page. The server renders the page's text and its first step (step-preview.tsx);
 * this loader then brings, side by side, the workbench's code (run-parts.ts) and the walkthrough's own
 * steps, sets the run up, and hands over to the workbench. So a page's first scripts are this loader and
 * little else, and what the first step says is on the screen before any of it has run.
 */
export function WalkthroughLoader({
  slug,
  origin,
  placement,
  title,
  intro,
  preview,
  pagePath,
  load = loadGrantWalkthrough,
}: {
  slug: string;
  origin: string;
  placement?: WalkthroughPlacement;
  /** The page it lives on, when not `/grants/<slug>` (an attack of the lab). */
  pagePath?: string;
  /**
   * Where the slug's walkthrough comes from: the grants, or the attack lab's scenarios with the lab's
   * rules and panel. Only that walkthrough's steps are loaded, not every grant's.
   */
  load?: WalkthroughLoad;
  /** The grant's name (and the way to the other grants), rendered on the server, heading the toolbar. */
  title?: ReactNode;
  /** The grant's summary, rendered on the server, shown above the step. */
  intro?: ReactNode;
  /** The first step, rendered on the server, shown until the run is ready (step-preview.tsx). */
  preview?: ReactNode;
}) {
  const [ready, setReady] = useState<{ parts: RunParts; setup: WalkthroughSetup }>();
  const [problem, setProblem] = useState<string>();
  const storageKey = placement?.storageKey ?? slug;
  // Bumped by the error boundary's Restart: the run is set up again from scratch.
  const [generation, setGeneration] = useState(0);
  const restartAfterError = useCallback(() => {
    ready?.parts.forgetFailedRun(storageKey);
    setReady(undefined);
    setGeneration((current) => current + 1);
  }, [ready, storageKey]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [parts, walkthrough] = await Promise.all([import('./run-parts'), load(slug)]);
      if (!walkthrough) throw new Error(`there is no walkthrough named “${slug}”.`);
      const setup = await parts.prepareRun({
        walkthrough,
        origin,
        storageKey,
        onItsOwnPage: !placement,
        report: setProblem,
      });
      // A transition: React draws the workbench in slices, and the page stays responsive meanwhile.
      if (!cancelled) startTransition(() => setReady({ parts, setup }));
    })().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, [slug, origin, storageKey, placement, generation, load]);

  // Shaped like the workbench it becomes, so that nothing moves when the run is ready (layout shift).
  if (!ready)
    return (
      <div className={placement ? undefined : 'workbench'}>
        {placement ? null : (
          <div className="workbench-toolbar">
            <WalkthroughToolbar title={title} />
          </div>
        )}
        <div className="workbench-step">
          {intro}
          {problem ? (
            <p role="alert">The walkthrough could not start: {problem}</p>
          ) : (
            (preview ?? <p role="status">Preparing the walkthrough…</p>)
          )}
        </div>
      </div>
    );
  const { Walkthrough } = ready.parts;
  return (
    <>
      {problem ? (
        <p role="alert" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
          {problem}
        </p>
      ) : null}
      <FlowErrorBoundary what="The walkthrough" onRestart={restartAfterError} heading={title}>
        <Walkthrough
          slug={slug}
          setup={ready.setup}
          placement={placement}
          title={title}
          intro={intro}
          pagePath={pagePath}
        />
      </FlowErrorBoundary>
    </>
  );
}
