'use client';

import type { ExtraRole } from '@/lib/walkthrough/types';
import { MAX_RECORDED_BODY } from '@/lib/trace/limits';
import type { TraceEvent } from '@/lib/trace/types';
import { memo, useEffect, useRef } from 'react';
import { CopyButton } from '../ui/copy-button';
import type { TranscriptStep } from '@/lib/trace/export-transcript';
import { directionsOf } from './direction';
import { ExchangeSender } from './exchange-sender';
import { ExportRun } from './export-run';
import { learnerCookieOnce, learnerCurl } from './learner-curl';
import { useMasks } from '../walkthrough/presenter';

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

function Message({
  title,
  headers,
  body,
  cutFrom,
}: {
  title: string;
  headers: Array<[string, string]>;
  body: string | null;
  /** The body's length in bytes when the recorder kept only its start. */
  cutFrom?: number;
}) {
  const masks = useMasks();
  return (
    <div>
      <h4 className="text-sm font-semibold">{title}</h4>
      <pre
        tabIndex={0}
        aria-label={title}
        className="mt-1 max-h-72 overflow-auto rounded bg-slate-100 p-2 text-xs"
      >
        {masks.text(headers.map(([name, value]) => `${name}: ${value}`).join('\n'))}
        {body ? `\n\n${masks.text(body)}` : ''}
      </pre>
      {cutFrom ? (
        <p className="mt-1 text-xs text-slate-700">
          Cut: the log keeps the first {kilobytes(MAX_RECORDED_BODY)} of this {kilobytes(cutFrom)} body.
        </p>
      ) : null}
    </div>
  );
}

type EntryProps = {
  event: TraceEvent;
  /** The number the log shows: the entry's position, or its position in the learner's whole trace. */
  number: number;
  selected: boolean;
  /** Named by a challenge's check as proof (or as what it looked at). */
  marked?: string;
  onSelect(seq: number): void;
  /** "sender → receiver, channel", both named as the diagram draws them (./direction.ts). */
  direction: string;
};

function EntryView({ event, number, selected, marked, onSelect, direction }: EntryProps) {
  const masks = useMasks();
  const location = event.response.headers.find(([name]) => name === 'location')?.[1];
  const url = new URL(event.request.url);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) item.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li
      ref={item}
      data-seq={event.seq}
      aria-current={selected ? 'true' : undefined}
      className={`rounded-lg border ${marked ? 'border-emerald-700 bg-emerald-50' : 'bg-white'} ${selected ? 'border-slate-900 ring-2 ring-slate-900' : marked ? '' : 'border-slate-200'}`}
    >
      <details
        open={selected}
        onToggle={(toggle) => {
          if ((toggle.currentTarget as HTMLDetailsElement).open && !selected) onSelect(event.seq);
        }}
      >
        <summary className="cursor-pointer list-none px-3 py-2">
          <span className="mr-2 inline-block min-w-6 text-right text-slate-500">{number}</span>
          <span className="font-mono text-sm font-semibold">{event.request.method}</span>{' '}
          <span className="font-mono text-sm break-all">{url.pathname}</span>{' '}
          <span
            className={`font-mono text-sm font-semibold ${event.response.status < 400 ? 'text-emerald-800' : 'text-red-800'}`}
          >
            {event.response.status}
          </span>
          <span className="ml-2 text-xs text-slate-600">{direction}</span>
          {marked ? (
            <span className="ml-2 rounded bg-emerald-800 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-white">
              {marked}
            </span>
          ) : null}
          {location ? (
            <span className="block pl-8 font-mono text-xs break-all text-slate-700">
              Location: {masks.text(location)}
            </span>
          ) : null}
        </summary>
        <div className="space-y-3 border-t border-slate-200 px-3 py-3">
          <p className="font-mono text-xs break-all">{event.request.url}</p>
          <ExchangeSender event={event} />
          {event.note ? <p className="text-xs text-slate-700">{event.note}</p> : null}
          <Message
            title="Request"
            headers={event.request.headers}
            body={event.request.body}
            cutFrom={event.request.bodyBytes}
          />
          <Message
            title={`Response ${event.response.status}`}
            headers={event.response.headers}
            body={event.response.body}
            cutFrom={event.response.bodyBytes}
          />
          <CopyButton text={() => learnerCurl(event)} label="Copy as curl" />
        </div>
      </details>
    </li>
  );
}

/** The nearest ancestor that scrolls on its own (the workbench's log pane), if any. */
function scrollingPane(element: Element): HTMLElement | undefined {
  for (
    let parent = element.parentElement;
    parent && parent !== document.body;
    parent = parent.parentElement
  ) {
    const { overflowY } = getComputedStyle(parent);
    if ((overflowY === 'auto' || overflowY === 'scroll') && parent.scrollHeight > parent.clientHeight)
      return parent;
  }
  return undefined;
}

/** Every exchange of this run, as recorded by the servers (not reconstructed), in order. */
// An entry re-renders only when it is selected or deselected, not on every new exchange.
const Entry = memo(EntryView);

export function HttpLog({
  events,
  selectedSeq,
  onSelect,
  source = 'Recorded by the playground’s servers as they happened.',
  roles,
  steps,
  numbering = 'position',
  marks,
  empty = 'No exchanges yet: press “Next step”.',
}: {
  events: TraceEvent[];
  selectedSeq?: number;
  onSelect(seq: number): void;
  /** Who recorded these exchanges, in a sentence. */
  source?: string;
  /** The grant's extra parties: their requests are labelled with their own names, as the diagram does. */
  roles?: readonly ExtraRole[];
  /** The walkthrough's steps, for the exported transcript. */
  steps?: readonly TranscriptStep[];
  /** How entries are numbered: 1, 2, 3 in this log, or by their position in the learner's trace (`seq`). */
  numbering?: 'position' | 'seq';
  /** Entries to mark, by `seq`, with what the mark says (a challenge's proof). */
  marks?: ReadonlyMap<number, string>;
  /** What the log says while it is empty. */
  empty?: string;
}) {
  const directions = directionsOf(events, roles);
  const list = useRef<HTMLOListElement>(null);
  // Asked for ahead, so that "Copy as curl" copies as soon as it is pressed.
  useEffect(() => void learnerCookieOnce(), []);
  // A new exchange scrolls into view inside the pane that holds the log, never the page itself.
  useEffect(() => {
    const newest = list.current?.lastElementChild;
    const pane = newest ? scrollingPane(newest) : undefined;
    if (!newest || !pane) return;
    const below = newest.getBoundingClientRect().bottom - pane.getBoundingClientRect().bottom;
    if (below > 0) pane.scrollTop += below + 4;
  }, [events.length]);
  return (
    <section aria-label="HTTP exchanges">
      <div className="http-log-heading flex flex-wrap items-baseline gap-x-3">
        <h2 className="text-xl font-bold">HTTP exchanges</h2>
        <p data-chrome className="text-sm text-slate-600">
          {source} Open one to see headers and bodies.
        </p>
      </div>
      <ExportRun events={events} steps={steps} />
      {events.length ? (
        <ol ref={list} className="mt-2 space-y-2">
          {events.map((event, index) => (
            <Entry
              key={event.seq}
              event={event}
              number={numbering === 'seq' ? event.seq : index + 1}
              selected={event.seq === selectedSeq}
              marked={marks?.get(event.seq)}
              onSelect={onSelect}
              direction={directions[index]!}
            />
          ))}
        </ol>
      ) : (
        <p className="mt-3 text-slate-600">{empty}</p>
      )}
    </section>
  );
}
