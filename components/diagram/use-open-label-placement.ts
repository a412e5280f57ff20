'use client';

import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { bestPlacement, coverage, placementsFrom } from './label-placement';

// The nodes' places and sizes: when one changes (a node grows a line), the label is placed again.
const nodeLayout = (state: ReactFlowState) =>
  state.nodes
    .map(
      (node) =>
        `${node.id}:${Math.round(node.position.x)},${Math.round(node.position.y)},${node.measured?.width ?? 0},${node.measured?.height ?? 0}`,
    )
    .join('|');

function measure(label: HTMLElement): number | undefined {
  const flow = label.closest('.react-flow');
  if (!flow) return undefined;
  const titles = [...flow.querySelectorAll('.react-flow__node [role="group"]')]
    .map((node) => node.querySelector('strong')?.getBoundingClientRect())
    .filter((box): box is DOMRect => Boolean(box));
  return coverage(label.getBoundingClientRect(), titles, flow.getBoundingClientRect());
}

type Trial = { key: string; index: number; scores: number[]; settled: boolean };

/**
 * Places the open label where it covers no party's title: each place is rendered and measured in turn
 * before the browser paints, and the first that is in nobody's way is kept (else the least in the way).
 * `key` names what the label shows and where its arrow is; a change places it again.
 */
export function useOpenLabelPlacement(enabled: boolean, opensRight: boolean, key: string) {
  const layout = useStore(nodeLayout);
  const candidates = placementsFrom(opensRight);
  const trialKey = `${key}|${opensRight}|${layout}`;
  const [trial, setTrial] = useState<Trial>({ key: trialKey, index: 0, scores: [], settled: false });
  const current = useMemo<Trial>(
    () => (trial.key === trialKey ? trial : { key: trialKey, index: 0, scores: [], settled: false }),
    [trial, trialKey],
  );
  const label = useRef<HTMLSpanElement>(null);

  useLayoutEffect(() => {
    if (!enabled || current.settled || !label.current) return;
    const score = measure(label.current);
    if (score === undefined) return;
    const scores = [...current.scores, score];
    if (score === 0) setTrial({ ...current, scores, settled: true });
    else if (current.index + 1 < candidates.length)
      setTrial({ ...current, index: current.index + 1, scores });
    else setTrial({ ...current, index: bestPlacement(scores), scores, settled: true });
  }, [enabled, current, candidates.length]);

  return { label, placement: enabled ? candidates[current.index]! : candidates[0]! };
}
