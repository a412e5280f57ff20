'use client';

import { useSelector } from '@xstate/react';
import { useCallback, useState } from 'react';
import { compareRun } from '@/lib/diagram/compare';
import { grantBySlug } from '@/machines/registry';
import { FlowErrorBoundary } from '../ui/flow-error-boundary';
import { savePlan } from '../walkthrough/autopilot-storage';
import { forgetRun } from '../walkthrough/browser-io';
import type { WalkthroughStatus } from '../walkthrough/walkthrough';
import { WalkthroughLoader } from '../walkthrough/walkthrough-loader';
import type { WalkthroughActor } from '../walkthrough/types';

type Side = 'left' | 'right';
const storageKey = (side: Side, slug: string) => `compare:${side}:${slug}`;

/** Whether "Next step" on this side would only send a request (not leave the page). */
function useCanAdvance(actor: WalkthroughActor | undefined, slug: string) {
  return useSelector(actor ?? undefinedActor, (snapshot) => {
    if (!snapshot || !actor) return false;
    const grant = grantBySlug(slug)!;
    const step = grant.steps[snapshot.context.stepIndex];
    const ready = snapshot.matches('ready') || snapshot.matches('succeeded');
    return (
      ready &&
      !snapshot.hasTag('complete') &&
      (!snapshot.matches('ready') || step?.action(snapshot.context).kind !== 'navigate')
    );
  });
}
// useSelector needs an actor; before a side has started, this stand-in answers nothing.
const undefinedActor = {
  subscribe: () => ({ unsubscribe() {} }),
  getSnapshot: () => undefined,
} as unknown as WalkthroughActor;

/** Two walkthroughs side by side, each with its own run, diagram and log, and a table of differences. */
export function ComparePanel({ left, right, origin }: { left: string; right: string; origin: string }) {
  const [status, setStatus] = useState<Partial<Record<Side, WalkthroughStatus>>>({});
  const onLeft = useCallback(
    (next: WalkthroughStatus) => setStatus((current) => ({ ...current, left: next })),
    [],
  );
  const onRight = useCallback(
    (next: WalkthroughStatus) => setStatus((current) => ({ ...current, right: next })),
    [],
  );
  const returnPath = `/compare?left=${encodeURIComponent(left)}&right=${encodeURIComponent(right)}`;
  const leftCan = useCanAdvance(status.left?.actor, left);
  const rightCan = useCanAdvance(status.right?.actor, right);
  const sides: Array<[Side, string, (status: WalkthroughStatus) => void]> = [
    ['left', left, onLeft],
    ['right', right, onRight],
  ];
  // Each side has its own boundary (in WalkthroughLoader); this one catches the table and the rest.
  const restartBoth = useCallback(() => {
    for (const [side, slug] of [
      ['left', left],
      ['right', right],
    ] as const) {
      forgetRun(storageKey(side, slug));
      savePlan(storageKey(side, slug), undefined);
    }
    setStatus({});
  }, [left, right]);

  return (
    <FlowErrorBoundary what="The comparison" onRestart={restartBoth}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            disabled={!leftCan || !rightCan}
            onClick={() => {
              status.left?.actor.send({ type: 'NEXT' });
              status.right?.actor.send({ type: 'NEXT' });
            }}
            className="rounded-lg bg-as-accent px-5 py-2 font-semibold text-white hover:bg-as disabled:cursor-not-allowed disabled:opacity-50"
          >
            Next step on both
          </button>
          <p className="text-sm text-slate-600">
            A step through the browser leaves the page: advance that side on its own, the other side waits.
          </p>
        </div>
        {/* Before the runs, not after both: the differences are what the page is for. */}
        <CompareTable left={left} right={right} status={status} />
        <div className="grid gap-6 lg:grid-cols-2">
          {sides.map(([side, slug, onStatus]) => (
            <section
              key={side}
              aria-label={`${side === 'left' ? 'Left' : 'Right'}: ${grantBySlug(slug)!.name}`}
              className="compare-run min-w-0"
            >
              <h2 className="mb-3 text-2xl font-bold">{grantBySlug(slug)!.name}</h2>
              <WalkthroughLoader
                slug={slug}
                origin={origin}
                placement={{
                  storageKey: storageKey(side, slug),
                  returnPath,
                  strictRun: true,
                  compact: true,
                  onStatus,
                }}
              />
            </section>
          ))}
        </div>
      </div>
    </FlowErrorBoundary>
  );
}

function CompareTable({
  left,
  right,
  status,
}: {
  left: string;
  right: string;
  status: Partial<Record<Side, WalkthroughStatus>>;
}) {
  const columns = (
    [
      ['left', left],
      ['right', right],
    ] as const
  ).map(([side, slug]) => {
    const grant = grantBySlug(slug)!;
    const run = status[side];
    return { grant, rows: compareRun(grant, run?.context ?? { tokens: {} }, run?.events ?? []) };
  });
  return (
    <section aria-label="Comparison">
      <h2 className="text-2xl font-bold">How they differ</h2>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm [&_td]:py-1 [&_th]:py-1">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                Aspect
              </th>
              {columns.map(({ grant }, index) => (
                <th key={index} scope="col" className="p-2">
                  {grant.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns[0]!.rows.map((row, index) => (
              <tr key={row.aspect} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-semibold">
                  {row.aspect}
                </th>
                {columns.map((column, side) => (
                  <td key={side} className="p-2">
                    {column.rows[index]!.value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
