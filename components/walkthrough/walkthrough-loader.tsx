'use client';

import { useEffect, useState } from 'react';
import { walkthroughBySlug } from '@/machines';
import type { WalkthroughInput } from '@/machines/walkthrough/create-walkthrough-machine';
import { loadRun, takeCallback, tracePosition } from './browser-io';
import { Walkthrough, type WalkthroughSetup } from './walkthrough';

/**
 * Starts a walkthrough in the browser: resumes the run this tab left for the authorization server
 * (and hands it the callback), or starts a fresh one with new secrets at the trace's current position.
 */
export function WalkthroughLoader({ slug, origin }: { slug: string; origin: string }) {
  const [setup, setSetup] = useState<WalkthroughSetup>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    const entry = walkthroughBySlug(slug);
    if (!entry) return;
    let cancelled = false;
    (async () => {
      const stored = loadRun(slug);
      const callbackUrl = takeCallback();
      const input: WalkthroughInput = {
        grant: entry.grant,
        origin,
        startSeq: stored ? 0 : await tracePosition(),
        secrets: stored ? {} : await entry.grant.secrets(),
      };
      if (!cancelled) setSetup({ input, snapshot: stored, callbackUrl });
    })().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, [slug, origin]);

  if (problem) return <p role="alert">The walkthrough could not start: {problem}</p>;
  if (!setup) return <p role="status">Preparing the walkthrough…</p>;
  return <Walkthrough slug={slug} setup={setup} />;
}
