'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { RoomProgress } from '@/lib/rooms/progress';
import { PresenterProvider, PresenterShortcut, usePresenter } from '../walkthrough/presenter';
import { followInstructorStream } from './instructor-stream';
import { loadInstructorRoom, type InstructorRoom } from './room-storage';

type Listed = { slug: string; title: string };

/** One bar per challenge: solved, then trying, out of the students connected (or counted, if more). */
function Bars({
  challenges,
  progress,
  students,
}: {
  challenges: readonly Listed[];
  progress: RoomProgress;
  students: number;
}) {
  const counted = Math.max(
    students,
    ...Object.values(progress.challenges).map((counts) => counts.solved + counts.trying),
    1,
  );
  return (
    <ol className="space-y-3">
      {challenges.map(({ slug, title }) => {
        const { solved, trying } = progress.challenges[slug] ?? { solved: 0, trying: 0 };
        return (
          <li key={slug} aria-label={`${title}: ${solved} solved, ${trying} trying`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span className="font-semibold">{title}</span>
              <span className="text-sm text-slate-700">
                {solved} solved · {trying} trying
              </span>
            </div>
            <div aria-hidden className="mt-1 flex h-4 overflow-hidden rounded bg-slate-200">
              <div className="bg-emerald-700" style={{ width: `${(solved / counted) * 100}%` }} />
              <div className="bg-amber-400" style={{ width: `${(trying / counted) * 100}%` }} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** The students who gave a name: hidden on the projector until the instructor chooses to show them. */
function Names({ progress, titles }: { progress: RoomProgress; titles: ReadonlyMap<string, string> }) {
  const { presenting } = usePresenter();
  const [shown, setShown] = useState(false);
  const visible = !presenting || shown;
  const list = (slugs: string[]) => slugs.map((slug) => titles.get(slug) ?? slug).join(', ') || 'nothing yet';
  return (
    <section aria-labelledby="named-students" className="mt-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="named-students" className="text-xl font-bold">
          Students who gave a name
        </h2>
        {presenting ? (
          <button
            type="button"
            aria-pressed={shown}
            onClick={() => setShown(!shown)}
            className="rounded bg-slate-200 px-3 py-1 font-semibold"
          >
            {shown ? 'Hide names' : 'Show names'}
          </button>
        ) : null}
      </div>
      {!visible ? (
        <p className="mt-2 text-slate-700">
          Names are hidden on the projector. {progress.named.length} students gave one.
        </p>
      ) : progress.named.length ? (
        <ul className="mt-2 space-y-1">
          {progress.named.map((student) => (
            <li key={student.name}>
              <strong>{student.name}</strong>: solved {list(student.solved)}; trying {list(student.trying)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-slate-700">No student has given a name. Names are optional.</p>
      )}
    </section>
  );
}

type State =
  | { kind: 'no-room' }
  | { kind: 'following'; room: InstructorRoom; students?: number; progress?: RoomProgress }
  | { kind: 'ended' };

/**
 * The class's progress on the challenges, for the instructor whose room this browser holds: one bar per
 * challenge, solved and trying, live. Only "solved / trying" reaches it, never a student's exchanges.
 */
function ClassProgressView({ challenges }: { challenges: readonly Listed[] }) {
  const [state, setState] = useState<State>(() => {
    const room = loadInstructorRoom();
    return room ? { kind: 'following', room } : { kind: 'no-room' };
  });
  const room = state.kind === 'following' ? state.room : undefined;
  useEffect(() => {
    if (!room) return;
    return followInstructorStream(room.code, room.key, {
      presence: (students) => setState((now) => (now.kind === 'following' ? { ...now, students } : now)),
      progress: (progress) =>
        setState((now) =>
          now.kind === 'following' && (now.progress?.seq ?? -1) < progress.seq ? { ...now, progress } : now,
        ),
      closed: () => setState({ kind: 'ended' }),
    });
  }, [room]);
  if (state.kind === 'no-room')
    return (
      <p className="mt-4">
        This browser has no classroom room open. Start one from any walkthrough’s “Classroom” button, for
        instance{' '}
        <Link href="/grants/authorization-code-pkce" className="text-as-accent underline">
          authorization code with PKCE
        </Link>
        , and come back: students then choose “Challenges” in the room to be counted.
      </p>
    );
  if (state.kind === 'ended')
    return (
      <p role="status" className="mt-4">
        The room has ended.
      </p>
    );
  const titles = new Map(challenges.map(({ slug, title }) => [slug, title]));
  return (
    <div className="mt-4">
      <p role="status" aria-label="Class progress" className="mb-4 font-semibold">
        Classroom {state.room.displayCode}:{' '}
        {state.students === undefined
          ? 'connecting…'
          : `${state.students} ${state.students === 1 ? 'student' : 'students'} connected`}
        {state.progress
          ? `, ${Object.values(state.progress.challenges).reduce((sum, counts) => sum + counts.solved, 0)} challenges solved in all`
          : ''}
      </p>
      {state.progress ? (
        <>
          <Bars challenges={challenges} progress={state.progress} students={state.students ?? 0} />
          <Names progress={state.progress} titles={titles} />
        </>
      ) : null}
    </div>
  );
}

export default function ClassProgress({ challenges }: { challenges: readonly Listed[] }) {
  return (
    <PresenterProvider enabled>
      <PresenterShortcut />
      <ClassProgressView challenges={challenges} />
    </PresenterProvider>
  );
}
