import type { RoomView } from '@/lib/rooms/room-view';
import { authorizationServerPage } from '@/lib/rooms/authorization-server-page';
import type { GrantDefinition } from '@/lib/walkthrough/types';
import { StepPhase } from '../walkthrough/step-phase';
import { FollowerOutcome } from './follower-outcome';
import { accepted, AT_AUTHORIZATION_SERVER, outcomeLine } from './outcome-line';

const ROLE = {
  'resource-owner': 'the resource owner (browser)',
  client: 'the client',
  'authorization-server': 'the authorization server',
  'resource-server': 'the resource server',
  attacker: 'the attacker',
} as const;

const TONE = {
  away: 'bg-as-soft text-slate-900',
  accepted: 'bg-emerald-50 text-emerald-900',
  refused: 'bg-red-50 text-red-900',
} as const;

/**
 * The instructor's step as followers read it: the step, where the instructor is (sending, at the
 * authorization server's sign-in or consent page, answered), and what the send received, all read
 * from the room's view (lib/rooms/room-view.ts). Its one heading is the step's title.
 */
export function FollowerStep({
  grant,
  stepIndex,
  view,
}: {
  grant: GrantDefinition;
  stepIndex: number;
  view: RoomView;
}) {
  const current = grant.steps[stepIndex]!;
  const away = authorizationServerPage(view.exchanges);
  const phase = away ? { kind: 'away' as const } : view.outcome?.phase;
  const line = away ? AT_AUTHORIZATION_SERVER[away] : view.outcome && outcomeLine(view.outcome, current.to);
  const tone = away ? 'away' : view.outcome && accepted(view.outcome) ? 'accepted' : 'refused';
  return (
    <section
      aria-label="Instructor’s step"
      className="rounded-xl border border-slate-300 bg-white p-5 shadow-sm"
    >
      {/* Where the instructor is, read out as it changes; the response below is there to be read. */}
      <div aria-live="polite">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600">
            {grant.name} · Step {stepIndex + 1} of {grant.steps.length}
          </p>
          {phase ? <StepPhase phase={phase} /> : null}
        </div>
        <h2 className="mt-1 text-xl font-bold">{current.title}</h2>
      </div>
      {/* Where the instructor is, or what the send came to, right under the title: on a phone too. */}
      {line ? (
        <p role="status" data-outcome={tone} className={`mt-3 rounded px-3 py-2 font-semibold ${TONE[tone]}`}>
          {line}
        </p>
      ) : null}
      <p className="mt-2 text-slate-700">{current.forFollowers ?? current.explanation}</p>
      <p className="mt-3 text-sm">
        From {ROLE[current.from]} to {ROLE[current.to]}, over the{' '}
        {current.channel === 'front' ? 'front channel (through the browser)' : 'back channel (direct)'}.{' '}
        <a href={current.rfc.href} target="_blank" rel="noreferrer" className="text-as-accent underline">
          {current.rfc.label}
        </a>
      </p>
      {!away && view.outcome ? <FollowerOutcome outcome={view.outcome} /> : null}
    </section>
  );
}
