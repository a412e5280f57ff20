'use client';

import { useSelector } from '@xstate/react';
import { useId, useState } from 'react';
import type { AutopilotActor } from './types';

const PACES = [1000, 2000, 3000, 5000, 8000];
const PACE_KEY = 'playground:autoplay:pace';

/** The pace last chosen in this browser (2 s at first); the A key plays at it too. */
export function storedPace(): number {
  const stored = Number(localStorage.getItem(PACE_KEY));
  return PACES.includes(stored) ? stored : 2000;
}

/** Auto-play for instructors: Play/Pause, the pace between steps, and what the autopilot is doing. */
export function AutoplayControls({ autopilot }: { autopilot: AutopilotActor }) {
  const paceId = useId();
  const [pace, setPace] = useState(storedPace);
  const running = useSelector(autopilot, (snapshot) => snapshot.matches('running'));
  const replaying = useSelector(autopilot, (snapshot) => snapshot.context.plan?.target !== undefined);
  const notice = useSelector(autopilot, (snapshot) => snapshot.context.notice);
  return (
    <div
      role="group"
      aria-label="Auto-play"
      className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-300 bg-white px-2 py-1"
    >
      <button
        type="button"
        onClick={() => autopilot.send(running ? { type: 'STOP' } : { type: 'PLAY', paceMs: pace })}
        className="rounded-lg bg-slate-900 px-4 py-1.5 font-semibold text-white hover:bg-slate-700"
      >
        {running ? (replaying ? 'Stop replay' : 'Pause') : 'Play'}
      </button>
      <label htmlFor={paceId} className="text-sm font-semibold">
        Pace
      </label>
      <select
        id={paceId}
        value={pace}
        onChange={(event) => {
          const value = Number(event.target.value);
          setPace(value);
          localStorage.setItem(PACE_KEY, String(value));
          autopilot.send({ type: 'SET_PACE', paceMs: value });
        }}
        className="rounded border border-slate-400 px-2 py-1 text-sm"
      >
        {PACES.map((value) => (
          <option key={value} value={value}>
            {value / 1000} s per step
          </option>
        ))}
      </select>
      {/* One line, so that the toolbar keeps its height; the whole notice is announced and on hover. */}
      <p role="status" title={notice} className="min-w-0 flex-1 truncate text-sm text-slate-700">
        {notice}
      </p>
    </div>
  );
}
