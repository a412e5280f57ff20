'use client';

import dynamic from 'next/dynamic';
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { deriveHoldings, type ClientKind } from '@/lib/diagram/derive';
import { byExchange, deriveHops } from '@/lib/diagram/hops';
import { newestOwnExchangeSeq } from '@/lib/diagram/main-exchange';
import { resourceOwnerSubtitle, type ResourceOwnerPart } from '@/lib/diagram/resource-owner';
import { ATTACKER } from '@/lib/attacks/party';
import { assignParties, titleOf } from '@/lib/diagram/roles';
import { SUPPORTING_SAYS, supportingCallOf, supportingCallsAround } from '@/lib/diagram/supporting-calls';
import type { TraceEvent } from '@/lib/trace/types';
import type { ExtraRole, WalkthroughContext } from '@/lib/walkthrough/types';
import { usePresenter } from '../walkthrough/presenter';
import { SequenceView } from './sequence-view';

// React Flow is the largest part of a grant page's JavaScript: it loads after the page, not before.
const FlowGraph = dynamic(() => import('./flow-graph').then((module) => module.FlowGraph), {
  ssr: false,
  loading: () => (
    <p className="h-[26rem] rounded-xl border border-slate-300 bg-slate-50 p-4" role="status">
      Drawing the diagram…
    </p>
  ),
});

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';
const subscribeMotion = (onChange: () => void) => {
  const query = window.matchMedia(reducedMotionQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

type Props = {
  events: TraceEvent[];
  context: Pick<WalkthroughContext, 'values' | 'tokens'>;
  clientType: ClientKind;
  /** The grant's parties beyond the four roles (an agent acting for the user), drawn as nodes of their own. */
  roles?: readonly ExtraRole[];
  selectedSeq?: number;
  onSelect(seq: number): void;
  /**
   * The seq of the main exchange of the step in view (lib/diagram/main-exchange.ts), highlighted and
   * labelled; null when that step has none. Without it, the newest exchange that is not a supporting call.
   */
  mainSeq?: number | null;
  /** How the grant involves the resource owner (lib/diagram/resource-owner.ts); a browser unless said. */
  resourceOwner?: ResourceOwnerPart;
  view: DiagramView;
  onViewChange(view: DiagramView): void;
  /**
   * How large to draw: 'presenter' scales the graph so no text is under 24 px; by default it follows
   * the presenter view. The layout always fills the box the page gives the diagram.
   */
  variant?: DiagramVariant;
};

export type DiagramVariant = 'default' | 'presenter';
// Presenter view: the diagram's smallest text (12 px) drawn at 24 px.
// Presenter: the graph's smallest text (14 px) at 1.75 is 24.5 px, the projector's floor, with room
// for every role on a 1080-line screen; the sequence view's smallest (12 px) needs 2, and scrolls.
const ZOOM: Record<DiagramVariant, number> = { default: 1, presenter: 1.75 };
const SEQUENCE_SCALE: Record<DiagramVariant, number> = { default: 1, presenter: 2 };

export type DiagramView = 'graph' | 'sequence';

function downloadSvg(svg: SVGSVGElement) {
  const source = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(
    new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${source}`], { type: 'image/svg+xml' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = 'oauth-flow.svg';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const NO_ROLES: readonly ExtraRole[] = [];

/** The four roles and every message between them, live: a graph or a sequence, and a text list. */
export function RoleDiagram({
  events: recorded,
  context,
  clientType,
  roles = NO_ROLES,
  selectedSeq,
  onSelect,
  mainSeq,
  resourceOwner = 'browser',
  view,
  onViewChange: setView,
  variant,
}: Props) {
  const { presenting } = usePresenter();
  const svgRef = useRef<SVGSVGElement>(null);
  const reducedMotion = useSyncExternalStore(
    subscribeMotion,
    () => window.matchMedia(reducedMotionQuery).matches,
    () => true,
  );
  const events = assignParties(recorded, roles);
  const hops = deriveHops(events);
  const main = mainSeq === undefined ? newestOwnExchangeSeq(events) : (mainSeq ?? undefined);
  const currentKey = hops.findLast((hop) => hop.seq === main)?.key;
  const supporting = supportingCallsAround(events, main);
  // On the projector a grant's legend keeps to one line, so that the diagram stays the largest thing on
  // screen. The lab's pages keep the whole legend there: their five parties are laid out for that canvas.
  // On a short screen (1280x720) the asides give way on every page, so the log keeps room for the step's
  // own message; a screen reader still hears them.
  const withAttacker = roles.some((role) => role.id === ATTACKER);
  const legendAside = `${withAttacker ? '' : '[html[data-present]_&]:hidden '}[@media(max-height:800px)]:sr-only`;
  const notes = {
    'resource-owner': {
      subtitle: resourceOwnerSubtitle(resourceOwner, events),
      inactive: resourceOwner === 'none',
    },
  };
  const shown = variant ?? (presenting ? 'presenter' : 'default');
  const zoom = ZOOM[shown];
  // How long an exchange takes from arriving to being drawn: read by e2e/bench/diagram.ts.
  useLayoutEffect(() => {
    if (recorded.length && performance.getEntriesByName('trace-event', 'mark').length) {
      performance.measure('diagram-update', 'trace-event');
    }
  }, [recorded]);
  return (
    <section aria-label="Diagram" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-bold">Who talks to whom</h2>
        <div className="flex gap-2">
          <button
            type="button"
            aria-pressed={view === 'sequence'}
            onClick={() => setView(view === 'graph' ? 'sequence' : 'graph')}
            className="rounded border border-slate-300 px-3 py-1 text-sm [html[data-present]_&]:text-base font-semibold hover:bg-slate-50"
          >
            {view === 'graph' ? 'Show sequence view' : 'Show graph view'}
          </button>
          {view === 'sequence' ? (
            <button
              type="button"
              onClick={() => svgRef.current && downloadSvg(svgRef.current)}
              className="rounded border border-slate-300 px-3 py-1 text-sm [html[data-present]_&]:text-base font-semibold hover:bg-slate-50"
            >
              Download SVG
            </button>
          ) : null}
        </div>
      </div>
      <p
        className="flex flex-wrap gap-x-4 gap-y-1 text-sm [html[data-present]_&]:text-base text-slate-700"
        aria-label="Legend"
      >
        <span>
          <span
            aria-hidden="true"
            className="mr-1 inline-block w-8 border-t-2 border-dashed border-amber-700 align-middle"
          />
          front channel: through the browser
          <span className={legendAside}> (redirects)</span>
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block w-8 border-t-2 border-sky-700 align-middle" />
          back channel: a direct request, no redirect
          <span className={legendAside}> (from a server, or from the app running in the browser)</span>
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block w-8 border-t border-slate-400 align-middle" />
          thin grey: a supporting call
          <span className={legendAside}> (keys, introspection, metadata)</span>
        </span>
        {withAttacker ? (
          <span>
            <span
              aria-hidden="true"
              className="mr-1 inline-block w-8 border-t-2 border-red-700 align-middle"
            />
            red: to or from the Attacker
          </span>
        ) : null}
      </p>
      {supporting.length ? (
        <p aria-label="Supporting calls" className="text-sm [html[data-present]_&]:text-base text-slate-700">
          {supporting.map((event) => (
            <span key={event.seq} className="mr-3">
              <span className="font-semibold">{hops.find((hop) => hop.seq === event.seq)?.number}</span>{' '}
              {SUPPORTING_SAYS[supportingCallOf(event)!]}.
            </span>
          ))}
        </p>
      ) : null}
      <div className="diagram-canvas">
        {view === 'graph' ? (
          <FlowGraph
            hops={hops}
            holdings={deriveHoldings(context, events, clientType, roles, resourceOwner)}
            notes={notes}
            currentKey={currentKey}
            extra={roles}
            selectedSeq={selectedSeq}
            animate={!reducedMotion}
            zoom={zoom}
            onSelect={onSelect}
          />
        ) : (
          <SequenceView
            ref={svgRef}
            hops={hops}
            currentKey={currentKey}
            scale={SEQUENCE_SCALE[shown]}
            extra={roles}
            selectedSeq={selectedSeq}
            onSelect={onSelect}
          />
        )}
      </div>
      <ol aria-label="Message sequence" className="sr-only">
        {byExchange(hops).map((exchange) => (
          <li key={exchange[0]!.seq}>
            {exchange
              .map(
                (hop) =>
                  `${titleOf(hop.from, roles)} to ${titleOf(hop.to, roles)}, ${hop.channel} channel: ${hop.label} (${hop.carries})`,
              )
              .join('; then ')}
          </li>
        ))}
      </ol>
    </section>
  );
}
