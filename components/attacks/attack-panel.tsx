'use client';

import { useSelector } from '@xstate/react';
import { useEffect, useId, useState } from 'react';
import { startingValues, switchesOf } from '@/lib/attacks/defenses';
import type { AttackScenario, Verdict } from '@/lib/attacks/types';
import type { TraceEvent } from '@/lib/trace/types';
import type { AutopilotActor, WalkthroughActor } from '../walkthrough/types';
import { allowUnattendedSignIn } from '../walkthrough/autopilot-storage';
import { AttackOutcome } from './attack-outcome';
import { AttackerLoot } from './attacker-loot';
import { markSeen } from './seen-storage';

/** One step every so long when the whole attack plays: slow enough to follow on the diagram. */
const RUN_PACE_MS = 700;

/**
 * An attack's controls above its steps: the defenses (a change starts a fresh run with them), "Run the
 * attack" (the whole scenario, auto-played in this tab), the outcome, and what the attacker holds.
 */
export function AttackPanel({
  attack,
  actor,
  autopilot,
  restart,
  events,
}: {
  attack: AttackScenario;
  actor: WalkthroughActor;
  autopilot: AutopilotActor;
  restart(params?: Record<string, string>): Promise<void>;
  events: TraceEvent[];
}) {
  const params = useSelector(actor, (snapshot) => snapshot.context.params);
  const stepIndex = useSelector(actor, (snapshot) => snapshot.context.stepIndex);
  const runId = useSelector(actor, (snapshot) => snapshot.context.runId);
  const busy = useSelector(actor, (snapshot) => snapshot.hasTag('busy'));
  const complete = useSelector(actor, (snapshot) => snapshot.hasTag('complete'));
  // A client's own refusal (a state that does not match) ends the run at that step: it is a verdict too.
  const failed = useSelector(actor, (snapshot) => snapshot.matches('failed'));
  // Read once the run ended; the same verdict keeps its identity, so it is marked seen once.
  const verdict = useSelector(
    actor,
    (snapshot) =>
      snapshot.hasTag('complete') || snapshot.matches('failed')
        ? attack.verdict(snapshot.context)
        : undefined,
    sameVerdict,
  );
  const playing = useSelector(autopilot, (snapshot) => snapshot.matches('running'));
  const running = playing || busy;
  const defensesOf = () => switchesOf(attack, params);
  const startWith = (switches: Record<string, string>) => startingValues(attack, switches);
  const idPrefix = useId();
  // A switch shows its new position at once; the fresh run it starts comes a request later.
  const [switching, setSwitching] = useState<Record<string, string>>();
  const toggle = async (param: string, on: boolean) => {
    const switches = { ...defensesOf(), [param]: on ? 'on' : 'off' };
    setSwitching(switches);
    try {
      await restart(startWith(switches));
    } finally {
      setSwitching(undefined);
    }
  };

  useEffect(() => {
    if (verdict) markSeen(attack.slug, verdict.outcome);
  }, [attack.slug, verdict]);

  const run = async () => {
    if (stepIndex > 0 || complete || failed) await restart(startWith(defensesOf()));
    // The victim's sign-in and consent on the authorization server's own pages, unattended for this run.
    if (attack.signsIn) allowUnattendedSignIn(attack.signsIn);
    autopilot.send({ type: 'PLAY', paceMs: RUN_PACE_MS });
  };

  return (
    <div className="mb-3 space-y-3">
      <fieldset data-defenses className="rounded-lg border border-slate-300 bg-white px-4 py-3">
        <legend className="px-1 font-bold">Defenses</legend>
        {attack.defenses.map((defense) => {
          const id = `${idPrefix}-${defense.param}`;
          return (
            <div key={defense.param} className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                className="mt-[0.2em] size-[1.1em] shrink-0"
                checked={(switching ?? params)[defense.param] === 'on'}
                disabled={running || switching !== undefined}
                aria-describedby={`${id}-does`}
                onChange={(event) => void toggle(defense.param, event.target.checked)}
              />
              <div>
                <label htmlFor={id} className="font-semibold">
                  {defense.label}
                </label>
                <p id={`${id}-does`} className="text-sm text-slate-700">
                  {defense.does}{' '}
                  <a
                    href={defense.rfc.href}
                    target="_blank"
                    rel="noreferrer"
                    className="text-as-accent underline"
                  >
                    {defense.rfc.label}
                  </a>
                </p>
              </div>
            </div>
          );
        })}
        <p className="mt-2 text-xs text-slate-600">Changing a defense starts a fresh run.</p>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => void run()}
          disabled={running || switching !== undefined}
          className="rounded-lg bg-red-800 px-5 py-2 font-semibold text-white hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Run the attack
        </button>
        <p className="text-sm text-slate-700">or step through it below with “Next step”.</p>
      </div>
      <AttackOutcome verdict={verdict} running={running} />
      {/* Read again after every exchange of the run and whenever a step has answered (busy turns false). */}
      <AttackerLoot runId={runId} version={`${events.length}/${stepIndex}/${busy}`} />
    </div>
  );
}

const sameVerdict = (a: Verdict | undefined, b: Verdict | undefined) =>
  a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
