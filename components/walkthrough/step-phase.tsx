import { statusLine } from '@/lib/walkthrough/outcome';

export type Phase =
  | { kind: 'preparing' }
  | { kind: 'ready'; action: 'navigate' | 'send' | 'callback' | 'visit' | 'skip' }
  | { kind: 'away' }
  | { kind: 'interrupted' }
  | { kind: 'sending' }
  | { kind: 'polling' }
  | { kind: 'answered'; status?: number }
  | { kind: 'refused'; status?: number };

const sent = (status: number | undefined) => (status === undefined ? 'sent' : `sent: ${statusLine(status)}`);

export function phaseText(phase: Phase): string {
  switch (phase.kind) {
    case 'preparing':
      return 'preparing…';
    case 'ready':
      return {
        navigate: 'ready to send',
        send: 'ready to send',
        callback: 'received',
        visit: 'waiting for you',
        skip: 'nothing to send',
      }[phase.action];
    case 'away':
      return 'sent: at the authorization server';
    case 'interrupted':
      return 'sent: no answer came back';
    case 'sending':
      return 'sending…';
    case 'polling':
      return 'sent: asking again soon';
    case 'answered':
      return sent(phase.status);
    case 'refused':
      return phase.status === undefined ? 'refused' : sent(phase.status);
  }
}

const TONE: Record<Phase['kind'], string> = {
  preparing: 'border-slate-500 bg-slate-100 text-slate-900',
  ready: 'border-sky-700 bg-sky-50 text-sky-900',
  away: 'border-slate-500 bg-slate-100 text-slate-900',
  interrupted: 'border-amber-700 bg-amber-50 text-amber-900',
  sending: 'border-slate-500 bg-slate-100 text-slate-900',
  polling: 'border-slate-500 bg-slate-100 text-slate-900',
  answered: 'border-emerald-700 bg-emerald-50 text-emerald-900',
  refused: 'border-red-700 bg-red-50 text-red-900',
};

/** Where the step is between showing its request and reading the answer: "ready to send", "sent: 200 OK". */
export function StepPhase({ phase }: { phase: Phase }) {
  return (
    <span
      data-phase={phase.kind}
      className={`inline-block rounded-full border px-3 py-0.5 text-sm font-semibold ${TONE[phase.kind]}`}
    >
      <span className="sr-only">This step: </span>
      {phaseText(phase)}
    </span>
  );
}
