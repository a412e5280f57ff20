'use client';

import type { TranscriptStep } from '@/lib/trace/export-transcript';
import type { TraceEvent } from '@/lib/trace/types';

const button =
  'rounded border border-slate-300 px-3 py-1 text-sm font-semibold hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50';

/** The page's own name for the file: `dpop` on /grants/dpop, `home` on /. */
const fileStem = () => window.location.pathname.split('/').filter(Boolean).at(-1) ?? 'home';

function download(name: string, type: string, text: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  // The browser has started the download from the link; the object URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** This run's exchanges, taken away: a Markdown transcript and a HAR file, secrets masked as on the projector. */
export function ExportRun({
  events,
  steps,
}: {
  events: readonly TraceEvent[];
  steps?: readonly TranscriptStep[];
}) {
  const none = events.length === 0;
  return (
    <div data-chrome className="mt-2 flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={button}
        disabled={none}
        onClick={async () => {
          // The builders load on the first export, not with every page that has a log.
          const { exportTranscript } = await import('@/lib/trace/export-transcript');
          download(
            `${fileStem()}-transcript.md`,
            'text/markdown',
            exportTranscript({ title: document.title, events, steps }),
          );
        }}
      >
        Export transcript
      </button>
      <button
        type="button"
        className={button}
        disabled={none}
        onClick={async () => {
          const { exportHar } = await import('@/lib/trace/export-har');
          download(`${fileStem()}.har`, 'application/json', JSON.stringify(exportHar(events), null, 2));
        }}
      >
        Export HAR
      </button>
      <span className="text-xs text-slate-600">Secrets are masked, as on the projector.</span>
    </div>
  );
}
