'use client';

import { useSelector } from '@xstate/react';
import { useCallback, useState } from 'react';
import { waitFor } from 'xstate';
import { compareRun } from '@/lib/diagram/compare';
import { grantBySlug } from '@/machines/registry';
import { FlowErrorBoundary } from '../ui/flow-error-boundary';
import { savePlan } from '../walkthrough/autopilot-storage';
import { forgetRun } from '../walkthrough/browser-io';
import type { WalkthroughStatus } from '../walkthrough/walkthrough-setup';
import { WalkthroughLoader } from '../walkthrough/walkthrough-loader';
import type { WalkthroughActor } from '../walkthrough/types';

type Side = 'left' | 'right';
const storageKey = (side: Side, slug: string) => `compare:${side}:${slug}`;

/** What "Next step" on this side would do now: nothing, send a request, or leave the page for a trip. */
type Advance = 'none' | 'send' | 'leave';
function useAdvance(actor: WalkthroughActor | undefined, slug: string): Advance {
  return useSelector(actor ?? undefinedActor, (snapshot) => {
    if (!snapshot || !actor) return 'none';
    const grant = grantBySlug(slug)!;
    const step = grant.steps[snapshot.context.stepIndex];
    const ready = snapshot.matches('ready') || snapshot.matches('succeeded');
    if (!ready || snapshot.hasTag('complete')) return 'none';
    return snapshot.matches('ready') && step?.action(snapshot.context).kind === 'navigate' ? 'leave' : 'send';
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
  const advance = {
    left: useAdvance(status.left?.actor, left),
    right: useAdvance(status.right?.actor, right),
  };
  // Both can go on, and at most one of them leaves the page (the browser makes one trip at a time).
  const bothCan =
    advance.left !== 'none' &&
    advance.right !== 'none' &&
    !(advance.left === 'leave' && advance.right === 'leave');
  const nextOnBoth = async () => {
    const leaving = (['left', 'right'] as const).find((side) => advance[side] === 'leave');
    const staying = (['left', 'right'] as const).filter((side) => side !== leaving);
    for (const side of staying) status[side]?.actor.send({ type: 'NEXT' });
    if (!leaving) return;
    // The side that stays is answered (and saved) first; then the browser leaves, and both runs come back.
    await Promise.all(
      staying.map((side) => {
        const actor = status[side]?.actor;
        return actor ? waitFor(actor, (snapshot) => !snapshot.hasTag('busy')) : undefined;
      }),
    );
    status[leaving]?.actor.send({ type: 'NEXT' });
  };
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
            disabled={!bothCan}
            onClick={() => void nextOnBoth()}
            className="rounded-lg bg-as-accent px-5 py-2 font-semibold text-white hover:bg-as disabled:cursor-not-allowed disabled:opacity-50"
          >
            Next step on both
          </button>
          <p className="text-sm text-slate-600">
            {advance.left === 'leave' && advance.right === 'leave'
              ? 'Both sides send the browser to the authorization server: advance one side at a time.'
              : 'A step through the browser leaves the page: the other side’s step is sent first, and both runs are kept for the return.'}
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
            {columns[0]!.rows.map((row, index) => {
              // A row where the two grants differ is marked, in colour and in words.
              const differs = columns.some((column) => column.rows[index]!.value !== row.value);
              return (
                <tr
                  key={row.aspect}
                  data-differs={differs || undefined}
                  className={`border-b border-slate-200 align-top ${differs ? 'bg-amber-50' : ''}`}
                >
                  <th
                    scope="row"
                    className={`p-2 font-semibold ${differs ? 'border-l-4 border-amber-600' : 'border-l-4 border-transparent'}`}
                  >
                    {row.aspect}{' '}
                    {differs ? (
                      <span className="ml-2 rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-950">
                        differs
                      </span>
                    ) : null}
                  </th>
                  {columns.map((column, side) => (
                    <td key={side} className="p-2">
                      {column.rows[index]!.value}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
