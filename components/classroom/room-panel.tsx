'use client';

import { useSelector } from '@xstate/react';
import Link from 'next/link';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { describeAction } from '@/machines/walkthrough/describe';
import { createdRoom } from '@/lib/rooms/room-messages';
import { roomViewOf } from '@/lib/rooms/room-view';
import type { TraceEvent } from '@/lib/trace/types';
import type { GrantDefinition } from '@/lib/walkthrough/types';
import { CopyButton } from '../ui/copy-button';
import type { WalkthroughActor } from '../walkthrough/types';
import { useOutcome } from './instructor-outcome';
import { followInstructorStream } from './instructor-stream';
import { JoinCard } from './join-card';
import { LoopbackWarning } from './loopback-warning';
import { loadInstructorRoom, problemOf, saveInstructorRoom, type InstructorRoom } from './room-storage';

// Exchanges of one step arrive in a burst (a sign-in is five of them): the room hears the burst once.
const PUBLISH_AFTER_MS = 250;

/**
 * The instructor's side of a classroom room: start one, show its code, join URL and QR code, count the
 * students, and tell the room where this walkthrough is and what its screen shows (the step's request,
 * the newest exchanges, masked as in the presenter view: lib/rooms/room-view.ts).
 */
export function RoomPanel({
  actor,
  grant,
  events,
}: {
  actor: WalkthroughActor;
  /** The walkthrough being presented: a grant's, or an attack of the lab. */
  grant: GrantDefinition;
  /** This run's recorded exchanges, as the HTTP log shows them. */
  events: readonly TraceEvent[];
}) {
  const titleId = useId();
  const [room, setRoom] = useState<InstructorRoom | undefined>(loadInstructorRoom);
  const [students, setStudents] = useState<number>();
  const [challenges, setChallenges] = useState<{ solved: number; trying: number }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [qr, setQr] = useState<string>();
  // The run is read only while a room is open: without one, this panel follows none of its moves.
  const context = useSelector(actor, (snapshot) => (room ? snapshot.context : undefined));
  const outcome = useOutcome(actor, grant);
  // What students see: built (and masked) only while a room is open.
  const published = useMemo(() => {
    if (!context) return undefined;
    const step = grant.steps[context.stepIndex];
    const request = step ? describeAction(step.action(context), grant, context) : undefined;
    const view = roomViewOf({
      events,
      values: context.values,
      tokens: context.tokens,
      ...(request ? { request } : {}),
      outcome,
    });
    // The run names this tab's exchanges: the server relays them while the page is away (lib/rooms/relay.ts).
    return JSON.stringify({ slug: grant.slug, stepIndex: context.stepIndex, view, run: context.runId });
  }, [grant, context, events, outcome]);

  const forget = useCallback((message?: string) => {
    saveInstructorRoom(undefined);
    setRoom(undefined);
    setStudents(undefined);
    setProblem(message);
  }, []);

  // Every move of this walkthrough, and every exchange it makes, goes to the room, one after another:
  // the room numbers what it hears in order, so the last one sent is the one students keep.
  const sending = useRef(Promise.resolve());
  useEffect(() => {
    if (!room || !published) return;
    const send = () =>
      fetch(`/api/rooms/${room.code}/step`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${room.key}` },
        body: published,
      })
        .then(async (response) => {
          if (response.status === 404)
            forget('The room has ended (rooms end after two hours without a step). Start a new one.');
          else if (!response.ok) setProblem(`The room did not take this step: ${await problemOf(response)}`);
          else setProblem(undefined);
        })
        .catch((error: unknown) => setProblem(`The room did not take this step: ${String(error)}`));
    const timer = setTimeout(() => {
      sending.current = sending.current.then(send);
    }, PUBLISH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [room, published, forget]);

  // How many students are connected, live.
  useEffect(() => {
    if (!room) return;
    return followInstructorStream(room.code, room.key, {
      presence: setStudents,
      progress: ({ challenges: counts }) =>
        setChallenges(
          Object.values(counts).reduce(
            (sum, { solved, trying }) => ({ solved: sum.solved + solved, trying: sum.trying + trying }),
            { solved: 0, trying: 0 },
          ),
        ),
      closed: () => forget('The room has ended.'),
    });
  }, [room, forget]);

  useEffect(() => {
    if (!room) return;
    let current = true;
    // Loaded only when a room exists: most visitors of a grant page never start one.
    import('qrcode')
      .then(({ default: QRCode }) =>
        QRCode.toString(room.joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      )
      .then((svg) => current && setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => current && setQr(undefined));
    return () => {
      current = false;
    };
  }, [room]);

  const start = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const response = await fetch('/api/rooms', { method: 'POST' });
      if (!response.ok) return setProblem(`The room could not be created: ${await problemOf(response)}`);
      const answer = createdRoom.safeParse(await response.json());
      if (!answer.success)
        return setProblem('The room could not be created: the playground answered with no room.');
      const body = answer.data;
      const created = {
        code: body.code,
        displayCode: body.display_code,
        joinUrl: body.join_url,
        key: body.instructor_key,
      };
      saveInstructorRoom(created);
      setRoom(created);
    } catch (error) {
      setProblem(`The room could not be created: ${String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const end = async () => {
    if (!room) return;
    setBusy(true);
    try {
      await fetch(`/api/rooms/${room.code}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${room.key}` },
      });
    } finally {
      setBusy(false);
      forget();
    }
  };

  return (
    <section aria-labelledby={titleId} className="rounded-xl border border-slate-300 bg-white px-4 py-3">
      <h2 id={titleId} className="font-semibold">
        Classroom
      </h2>
      {problem ? (
        <p role="alert" className="mt-2 rounded border-l-4 border-red-700 bg-red-50 px-3 py-2 text-red-900">
          {problem}
        </p>
      ) : null}
      {room ? (
        <div className="mt-2 flex flex-wrap items-start gap-6">
          {qr ? (
            // eslint-disable-next-line @next/next/no-img-element -- a generated data URL, not an asset
            <img
              src={qr}
              alt={`QR code for ${room.joinUrl}`}
              width={160}
              height={160}
              className="rounded border border-slate-200"
            />
          ) : null}
          <div className="min-w-0 flex-1 space-y-2">
            <p>
              Join code{' '}
              <strong aria-label="Join code" className="font-mono text-3xl tracking-widest">
                {room.displayCode}
              </strong>
            </p>
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <a href={room.joinUrl} className="break-all font-mono text-as-accent underline">
                {room.joinUrl}
              </a>
              <CopyButton text={room.joinUrl} label="Copy join URL" />
            </p>
            <LoopbackWarning joinUrl={room.joinUrl} />
            <p role="status" aria-label="Students connected" className="font-semibold">
              {students === undefined
                ? 'Connecting…'
                : `${students} ${students === 1 ? 'student' : 'students'} connected`}
            </p>
            <p className="text-sm">
              Challenges:{' '}
              {challenges && challenges.solved + challenges.trying
                ? `${challenges.solved} solved and ${challenges.trying} being tried across the class. `
                : 'none checked in this room yet. '}
              <Link href="/challenges/class" className="font-semibold text-as-accent underline">
                Class progress
              </Link>
            </p>
            <p className="text-sm text-slate-600">
              Students see this step, its request, the diagram and the newest exchanges as the presenter view
              shows them: codes, tokens, secrets and passwords masked, even when you reveal them here.
            </p>
            <JoinCard room={room} qr={qr} />{' '}
            <button
              type="button"
              disabled={busy}
              onClick={() => void end()}
              className="rounded-lg bg-slate-200 px-4 py-1.5 font-semibold text-slate-900 hover:bg-slate-300 disabled:opacity-50"
            >
              End the room
            </button>
          </div>
        </div>
      ) : (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-700">
            Let a class follow this walkthrough live on their own screens, with a join code and a QR code.
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() => void start()}
            className="rounded-lg bg-slate-900 px-4 py-1.5 font-semibold text-white hover:bg-slate-700 disabled:opacity-50"
          >
            Start a classroom room
          </button>
        </div>
      )}
    </section>
  );
}
