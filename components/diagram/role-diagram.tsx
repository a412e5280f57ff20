'use client';

import dynamic from 'next/dynamic';
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { deriveHoldings, deriveLinks, deriveMessages, ROLE_TITLES } from '@/lib/diagram/derive';
import type { TraceEvent } from '@/lib/trace/types';
import type { WalkthroughContext } from '@/lib/walkthrough/types';
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
  clientType: 'confidential' | 'public';
  selectedSeq?: number;
  onSelect(seq: number): void;
  view: DiagramView;
  onViewChange(view: DiagramView): void;
};

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

/** The four roles and every message between them, live: a graph or a sequence, and a text list. */
export function RoleDiagram({
  events,
  context,
  clientType,
  selectedSeq,
  onSelect,
  view,
  onViewChange: setView,
}: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const reducedMotion = useSyncExternalStore(
    subscribeMotion,
    () => window.matchMedia(reducedMotionQuery).matches,
    () => true,
  );
  const messages = deriveMessages(events);
  // How long an exchange takes from arriving to being drawn: read by e2e/bench/diagram.ts.
  useLayoutEffect(() => {
    if (events.length && performance.getEntriesByName('trace-event', 'mark').length) {
      performance.measure('diagram-update', 'trace-event');
    }
  }, [events]);
  const currentSeq = messages.at(-1)?.seq;
  return (
    <section aria-label="Diagram" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-bold">Who talks to whom</h2>
        <div className="flex gap-2">
          <button
            type="button"
            aria-pressed={view === 'sequence'}
            onClick={() => setView(view === 'graph' ? 'sequence' : 'graph')}
            className="rounded border border-slate-300 px-3 py-1 text-sm font-semibold hover:bg-slate-50"
          >
            {view === 'graph' ? 'Show sequence view' : 'Show graph view'}
          </button>
          {view === 'sequence' ? (
            <button
              type="button"
              onClick={() => svgRef.current && downloadSvg(svgRef.current)}
              className="rounded border border-slate-300 px-3 py-1 text-sm font-semibold hover:bg-slate-50"
            >
              Download SVG
            </button>
          ) : null}
        </div>
      </div>
      <p className="flex flex-wrap gap-4 text-sm text-slate-700" aria-label="Legend">
        <span>
          <span
            aria-hidden="true"
            className="mr-1 inline-block w-8 border-t-2 border-dashed border-amber-700 align-middle"
          />
          front channel: through the browser (redirects)
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block w-8 border-t-2 border-sky-700 align-middle" />
          back channel: a direct request, no redirect (from a server, or from the app running in the browser)
        </span>
      </p>
      <div aria-hidden={false}>
        {view === 'graph' ? (
          <FlowGraph
            links={deriveLinks(messages)}
            holdings={deriveHoldings(context, events, clientType)}
            currentSeq={currentSeq}
            selectedSeq={selectedSeq}
            animate={!reducedMotion}
            onSelect={onSelect}
          />
        ) : (
          <SequenceView
            ref={svgRef}
            messages={messages}
            currentSeq={currentSeq}
            selectedSeq={selectedSeq}
            onSelect={onSelect}
          />
        )}
      </div>
      <ol aria-label="Message sequence" className="sr-only">
        {messages.map((message) => (
          <li key={message.seq}>
            {ROLE_TITLES[message.from]} to {ROLE_TITLES[message.to]}, {message.channel} channel:{' '}
            {message.label}
          </li>
        ))}
      </ol>
    </section>
  );
}
