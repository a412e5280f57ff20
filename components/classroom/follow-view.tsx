'use client';

import { attackBySlug } from '@/machines/attacks/registry';

import { useMemo, useState, type ReactNode } from 'react';
import type { z } from 'zod/mini';
import type { followedStep } from '@/lib/rooms/room-messages';
import type { RoomView } from '@/lib/rooms/room-view';
import { tokenSet } from '@/lib/walkthrough/response-bodies';
import { grantBySlug } from '@/machines/registry';
import { RoleDiagram, type DiagramView } from '../diagram/role-diagram';
import { HttpLog } from '../http-log/http-log';
import { RequestPreview } from '../walkthrough/request-preview';
import { Workbench } from '../walkthrough/workbench';
import { clientKindOf } from '@/lib/grants/grant-facts';
import { resourceOwnerPartOf } from '@/lib/diagram/resource-owner';
import { followedMainExchange } from '@/lib/rooms/followed-main-exchange';
import { FollowerStep } from './follower-step';

export type InstructorStep = z.infer<typeof followedStep>;

const NO_VIEW: RoomView = { exchanges: [], total: 0, values: {}, tokens: {} };

/**
 * What the instructor's screen shows, in the presenter view's layout: the step and its request, the
 * live diagram and the newest exchanges, all masked before they left the instructor's browser and
 * again on the server (lib/rooms/room-view.ts). Students have no "Next step": the instructor drives.
 * The parts are the walkthrough's own; they only read the room's view.
 */
export function FollowView({
  step,
  header,
  projector,
}: {
  step?: InstructorStep;
  /** The room's heading and the student's choice of mode. */
  header: ReactNode;
  /** Drawn for a projector (`?present=1`): no text under 24 px. */
  projector: boolean;
}) {
  const [selectedSeq, setSelectedSeq] = useState<number>();
  const [diagramView, setDiagramView] = useState<DiagramView>('graph');
  const tokens = useMemo(() => tokenSet.parse(step?.view?.tokens ?? {}), [step?.view?.tokens]);
  const grant = step ? (grantBySlug(step.slug) ?? attackBySlug(step.slug)) : undefined;
  const current = step && grant?.steps[step.stepIndex];
  if (!step || !grant || !current)
    return (
      <div className="space-y-6">
        {header}
        <p role="status" className="rounded-lg bg-white px-4 py-6 text-center text-lg">
          Waiting for the instructor to open a walkthrough…
        </p>
      </div>
    );
  const view = step.view ?? NO_VIEW;
  const left = view.total - view.exchanges.length;
  return (
    // Request and response blocks wrap: on a phone a line cut at the right edge hides its end.
    <div className="workbench-page [&_pre]:whitespace-pre-wrap [&_pre]:[overflow-wrap:anywhere]">
      <Workbench
        // The instructor's next step unfolds the diagram a student folded to read the log.
        stepKey={String(step.stepIndex)}
        toolbar={header}
        step={
          <>
            <FollowerStep grant={grant} stepIndex={step.stepIndex} view={view} />
            {view.request ? <RequestPreview request={view.request} /> : null}
          </>
        }
        diagram={
          <RoleDiagram
            events={view.exchanges}
            // The holdings read which tokens there are; their masked values are never shown.
            context={{ values: view.values, tokens }}
            clientType={clientKindOf(grant)}
            roles={grant.roles}
            selectedSeq={selectedSeq}
            onSelect={setSelectedSeq}
            // The instructor's step's own message, and the user's part in the grant, as the walkthrough draws them.
            mainSeq={followedMainExchange(grant, step.stepIndex, view) ?? null}
            resourceOwner={resourceOwnerPartOf(grant)}
            view={diagramView}
            onViewChange={setDiagramView}
            variant={projector ? 'presenter' : 'default'}
          />
        }
        log={
          view.exchanges.length ? (
            <HttpLog
              events={view.exchanges}
              roles={grant.roles}
              selectedSeq={selectedSeq}
              onSelect={setSelectedSeq}
              source={`The instructor’s run, recorded by the playground’s servers; codes, tokens and secrets masked.${left > 0 ? ` Its first ${left} exchanges are left out.` : ''}`}
            />
          ) : (
            // The log's own empty text asks for "Next step", which is the instructor's to press.
            <section aria-label="HTTP exchanges">
              <h2 className="text-xl font-bold">HTTP exchanges</h2>
              <p className="mt-3 text-slate-600">
                No exchanges yet: the instructor has not sent a request in this run.
              </p>
            </section>
          )
        }
      />
    </div>
  );
}
