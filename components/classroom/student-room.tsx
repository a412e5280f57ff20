'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { loadAnyWalkthrough } from '@/machines/walkthroughs';
import { attackBySlug } from '@/machines/attacks/registry';
import { grantBySlug } from '@/machines/registry';
import { savePlan } from '../walkthrough/autopilot-storage';
import { forgetRun } from '../walkthrough/browser-io';
import { WalkthroughLoader } from '../walkthrough/walkthrough-loader';
import { eventData, followedStep, joinedRoom, presenceEvent } from '@/lib/rooms/room-messages';
import { ChallengesInRoom } from './challenges-in-room';
import { FollowView, type InstructorStep } from './follow-view';
import { loadStudentMode, problemOf, saveStudentMode, type StudentMode } from './room-storage';
import { useProjector } from './use-projector';

/** Where a student's own run of a walkthrough is kept, per room. */
const exploreKey = (code: string, slug: string) => `room:${code}:${slug}`;

type Connection =
  | { state: 'joining' }
  | { state: 'joined'; displayCode: string; students: number; step?: InstructorStep }
  | { state: 'refused'; problem: string }
  | { state: 'ended' };

/**
 * A student's room: joins by code, then listens (Server-Sent Events) for the instructor's steps. In
 * "Follow the instructor" the page shows what the instructor's screen shows, masked; in "Explore on my own" it runs the
 * student's own walkthrough on the student's own trace, and the instructor's steps no longer move it.
 */
export function StudentRoom({ code, origin }: { code: string; origin: string }) {
  const [connection, setConnection] = useState<Connection>({ state: 'joining' });
  const [mode, setMode] = useState<StudentMode>();
  const projector = useProjector();

  useEffect(() => {
    let source: EventSource | undefined;
    let cancelled = false;
    const canonical = code.toUpperCase().replace(/[\s-]/g, '');
    (async () => {
      const response = await fetch(`/api/rooms/${encodeURIComponent(canonical)}`, { cache: 'no-store' });
      if (cancelled) return;
      if (!response.ok) return setConnection({ state: 'refused', problem: await problemOf(response) });
      const joined = joinedRoom.safeParse(await response.json());
      if (!joined.success)
        return setConnection({ state: 'refused', problem: 'The playground answered with no room.' });
      const room = joined.data;
      setMode(loadStudentMode(room.code));
      setConnection({
        state: 'joined',
        displayCode: room.display_code,
        students: room.students,
        step: room.step ?? undefined,
      });
      source = new EventSource(`/api/rooms/${room.code}/events`);
      source.addEventListener('step', (event) => {
        const step = eventData(event.data, followedStep);
        if (!step) return;
        setConnection((current) => (current.state === 'joined' ? { ...current, step } : current));
      });
      source.addEventListener('presence', (event) => {
        const presence = eventData(event.data, presenceEvent);
        if (!presence) return;
        const { students } = presence;
        setConnection((current) => (current.state === 'joined' ? { ...current, students } : current));
      });
      source.addEventListener('closed', () => {
        source?.close();
        setConnection({ state: 'ended' });
      });
    })().catch((error: unknown) =>
      setConnection({ state: 'refused', problem: `The playground could not be reached: ${String(error)}` }),
    );
    return () => {
      cancelled = true;
      source?.close();
    };
  }, [code]);

  if (connection.state === 'joining') return <p role="status">Joining the room…</p>;
  if (connection.state === 'refused')
    return (
      <section className="mx-auto max-w-md space-y-3">
        <h1 className="text-2xl font-bold">Could not join this room</h1>
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {connection.problem}
        </p>
        <Link href="/join" className="font-semibold text-as-accent underline">
          Type another code
        </Link>
      </section>
    );
  if (connection.state === 'ended')
    return (
      <section className="mx-auto max-w-md space-y-3">
        <h1 className="text-2xl font-bold">The room has ended</h1>
        <p role="status">The instructor ended this room, or it ended after two hours without activity.</p>
        <Link href="/" className="font-semibold text-as-accent underline">
          Explore the playground on your own
        </Link>
      </section>
    );

  const canonical = code.toUpperCase().replace(/[\s-]/g, '');
  const choose = (next: StudentMode) => {
    if (next.mode === 'explore' && step && !exploring) {
      // A fresh run of the student's own, replayed (real requests) to the instructor's step.
      const storageKey = exploreKey(canonical, next.slug);
      forgetRun(storageKey);
      savePlan(storageKey, step.stepIndex > 0 ? { target: step.stepIndex } : undefined);
    }
    saveStudentMode(canonical, next);
    setMode(next);
  };
  const { step } = connection;
  const exploring = mode?.mode === 'explore' ? mode : undefined;
  const instructorGrant = step ? (grantBySlug(step.slug) ?? attackBySlug(step.slug)) : undefined;
  const header = (
    <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
      <div className="flex flex-wrap items-baseline gap-x-4">
        <h1 className="text-2xl font-bold">Classroom {connection.displayCode}</h1>
        <p role="status" className="text-sm text-slate-600">
          {connection.students} {connection.students === 1 ? 'student' : 'students'} here
        </p>
      </div>
      <div className="flex flex-wrap items-start gap-2">
        <ChallengesInRoom code={canonical} displayCode={connection.displayCode} />
        <div role="group" aria-label="Mode" className="flex gap-2">
          <button
            type="button"
            aria-pressed={!exploring}
            onClick={() => choose({ mode: 'follow' })}
            className={`rounded-lg px-4 py-1.5 font-semibold ${!exploring ? 'bg-as-accent text-white' : 'bg-white ring-1 ring-slate-300'}`}
          >
            Follow the instructor
          </button>
          <button
            type="button"
            aria-pressed={Boolean(exploring)}
            disabled={!step && !exploring}
            onClick={() => step && choose({ mode: 'explore', slug: step.slug })}
            className={`rounded-lg px-4 py-1.5 font-semibold disabled:opacity-50 ${exploring ? 'bg-as-accent text-white' : 'bg-white ring-1 ring-slate-300'}`}
          >
            Explore on my own
          </button>
        </div>
      </div>
    </header>
  );
  if (!exploring) return <FollowView step={step} header={header} projector={projector} />;
  // The same workbench as the follow view and the grant page: "Next step" stays on the first screen.
  return (
    <div className="workbench-page space-y-3 lg:space-y-0">
      {header}
      <p className="rounded-lg bg-sky-50 px-4 py-1.5 text-sm" aria-live="polite">
        You are exploring on your own: your own requests and tokens, which nobody else sees.
        {instructorGrant && step
          ? ` The instructor is at ${instructorGrant.name}, step ${step.stepIndex + 1}.`
          : ''}
      </p>
      <WalkthroughLoader
        key={exploring.slug}
        load={loadAnyWalkthrough}
        slug={exploring.slug}
        origin={origin}
        placement={{
          storageKey: exploreKey(canonical, exploring.slug),
          returnPath: `/join/${canonical}`,
        }}
      />
    </div>
  );
}
