'use client';

import { useEffect, useState } from 'react';
import { walkthroughBySlug } from '@/machines';
import type { WalkthroughInput } from '@/machines/walkthrough/create-walkthrough-machine';
import { loadRun, newRun, takeCallback } from './browser-io';
import { Walkthrough, type WalkthroughPlacement, type WalkthroughSetup } from './walkthrough';

/**
 * Starts a walkthrough in the browser: resumes the run this tab left for the authorization server
 * (and hands it the callback), or starts a fresh one with new secrets at the trace's current position.
 */
export function WalkthroughLoader({
  slug,
  origin,
  placement,
}: {
  slug: string;
  origin: string;
  placement?: WalkthroughPlacement;
}) {
  const [setup, setSetup] = useState<WalkthroughSetup>();
  const [problem, setProblem] = useState<string>();
  const storageKey = placement?.storageKey ?? slug;

  useEffect(() => {
    const entry = walkthroughBySlug(slug);
    if (!entry) return;
    let cancelled = false;
    (async () => {
      const stored = loadRun(storageKey);
      const callbackUrl = takeCallback(storageKey);
      // A restored run keeps its own start; the input only matters for a fresh one.
      const input: WalkthroughInput = {
        grant: entry.grant,
        origin,
        ...(stored ? { startSeq: 0, secrets: {}, runId: 'restored' } : await newRun(entry.grant)),
      };
      if (!cancelled) setSetup({ input, snapshot: stored, callbackUrl });
    })().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, [slug, origin, storageKey]);

  if (problem) return <p role="alert">The walkthrough could not start: {problem}</p>;
  if (!setup) return <p role="status">Preparing the walkthrough…</p>;
  return <Walkthrough slug={slug} setup={setup} placement={placement} />;
}
