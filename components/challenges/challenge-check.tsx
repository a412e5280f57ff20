'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { z } from 'zod/mini';
import type { Question } from '@/lib/challenges/types';
import { saveChallengeRoom, useChallengeRoom, type ChallengeRoom } from '../classroom/challenge-room';
import { useChallengeTrace } from './challenge-bench';

/** The grade the server answers (lib/challenges/types.ts: Verdict). */
const exchanges = z.array(z.object({ seq: z.number(), line: z.string() }));
const room = z.optional(z.enum(['counted', 'gone']));
const verdict = z.union([
  z.object({ solved: z.literal(true), summary: z.string(), proof: z.array(z.number()), exchanges, room }),
  z.object({ solved: z.literal(false), missing: z.string(), seen: z.array(z.number()), exchanges, room }),
]);
type Verdict = z.infer<typeof verdict>;
const problem = z.object({ error_description: z.string() });

type Check =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'graded'; verdict: Verdict }
  | { kind: 'failed'; message: string };

/**
 * The exchanges a verdict names, by their position in the learner's trace and as the log heads them;
 * beside the log, each opens its exchange there.
 */
function ExchangeList({ heading, list }: { heading: string; list: Verdict['exchanges'] }) {
  const trace = useChallengeTrace();
  if (!list.length) return null;
  return (
    <>
      <p className="mt-2 text-sm font-semibold text-slate-700">{heading}</p>
      <ol className="mt-1 space-y-0.5 text-sm">
        {list.map((exchange) => (
          <li key={exchange.seq}>
            {trace ? (
              <button
                type="button"
                onClick={() => trace.show(exchange.seq)}
                className="text-left text-as-accent underline"
              >
                #{exchange.seq} <code>{exchange.line}</code>
              </button>
            ) : (
              <>
                #{exchange.seq} <code>{exchange.line}</code>
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The questions a challenge asks, each a labelled field with what it wants said under it. */
function Answers({
  questions,
  answers,
  onChange,
}: {
  questions: readonly Question[];
  answers: Record<string, string>;
  onChange: (name: string, value: string) => void;
}) {
  const id = useId();
  return (
    <div className="mt-3 space-y-3">
      {questions.map((question) => (
        <div key={question.name}>
          <label htmlFor={`${id}-${question.name}`} className="block font-semibold">
            {question.label}
          </label>
          <input
            id={`${id}-${question.name}`}
            value={answers[question.name] ?? ''}
            onChange={(event) => onChange(question.name, event.target.value)}
            aria-describedby={`${id}-${question.name}-help`}
            autoComplete="off"
            spellCheck={false}
            className="mt-1 w-full rounded border border-slate-400 px-2 py-1 font-mono text-sm"
          />
          <p id={`${id}-${question.name}-help`} className="mt-0.5 text-sm text-slate-600">
            {question.help}
          </p>
        </div>
      ))}
    </div>
  );
}

/** Where this check counts besides the learner's own progress: the classroom room, if the student joined one. */
function ClassroomNote({ classroom, ended }: { classroom?: ChallengeRoom; ended?: string }) {
  if (ended)
    return (
      <p role="status" className="mt-2 text-sm text-slate-700">
        Classroom {ended} has ended: your progress is kept here, and no longer counted there.
      </p>
    );
  if (!classroom) return null;
  return (
    <p className="mt-2 text-sm text-slate-700">
      Counted in classroom {classroom.displayCode}
      {classroom.name ? ` as “${classroom.name}”` : ''}: the room hears only “solved” or “trying”.{' '}
      <button type="button" onClick={() => saveChallengeRoom(undefined)} className="font-semibold underline">
        Stop counting there
      </button>
    </p>
  );
}

/**
 * "Check": asks the server to grade the challenge from what it recorded of this learner. The request
 * carries the learner's cookie, and the answers when the challenge asks questions: the server checks
 * them against its own records.
 */
export function ChallengeCheck({ slug, questions }: { slug: string; questions?: readonly Question[] }) {
  const router = useRouter();
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const trace = useChallengeTrace();
  const classroom = useChallengeRoom();
  const [roomEnded, setRoomEnded] = useState<string>();
  const grade = async () => {
    setCheck({ kind: 'checking' });
    try {
      const sent = {
        ...(questions ? { answers } : {}),
        ...(classroom ? { room: classroom.code, ...(classroom.name ? { name: classroom.name } : {}) } : {}),
      };
      const response = await fetch(`/api/challenges/${slug}/check`, {
        method: 'POST',
        cache: 'no-store',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(sent),
      });
      const body: unknown = await response.json().catch(() => undefined);
      const graded = verdict.safeParse(body);
      if (response.ok && graded.success) {
        setCheck({ kind: 'graded', verdict: graded.data });
        if (graded.data.room === 'gone' && classroom) {
          // The room has ended: the progress is kept here, and checks stop going to it.
          setRoomEnded(classroom.displayCode);
          saveChallengeRoom(undefined);
        }
        const named = graded.data.exchanges.map((exchange) => exchange.seq);
        trace?.mark(named, graded.data.solved ? 'proof' : 'looked at');
        // The page's badge shows the progress the check has just kept.
        return router.refresh();
      }
      const said = problem.safeParse(body).data?.error_description;
      setCheck({ kind: 'failed', message: said ?? `The server answered HTTP ${response.status}.` });
    } catch {
      setCheck({ kind: 'failed', message: 'The playground could not be reached. Is it still running?' });
    }
  };
  return (
    <section aria-labelledby="check" className="rounded-xl border border-slate-300 bg-white p-5">
      <h2 id="check" className="text-xl font-bold">
        Check
      </h2>
      <p className="mt-2 text-slate-700">
        When you think you have done it, press Check. It grades the exchanges this playground recorded of you,
        however you sent them, and asks the authorization server about your tokens.
      </p>
      <ClassroomNote classroom={classroom} ended={roomEnded} />
      {/* A form, so that Enter in an answer checks too. */}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void grade();
        }}
      >
        {questions ? (
          <Answers
            questions={questions}
            answers={answers}
            onChange={(name, value) => setAnswers((given) => ({ ...given, [name]: value }))}
          />
        ) : null}
        <button
          type="submit"
          disabled={check.kind === 'checking'}
          className="mt-3 rounded-lg bg-as-accent px-4 py-2 font-semibold text-white hover:brightness-110 disabled:opacity-60"
        >
          Check
        </button>
      </form>
      <div role="region" aria-label="Result" aria-live="polite" className="mt-3">
        {check.kind === 'checking' ? <p role="status">Checking…</p> : null}
        {check.kind === 'failed' ? (
          <p role="alert" className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
            The check could not be made: {check.message}
          </p>
        ) : null}
        {check.kind === 'graded' && check.verdict.solved ? (
          <div className="rounded-lg border-l-4 border-emerald-700 bg-emerald-50 px-4 py-3">
            <h3 className="text-lg font-bold text-emerald-900">Solved</h3>
            <p className="mt-1">{check.verdict.summary}</p>
            <ExchangeList
              heading="The exchanges that prove it, in your trace:"
              list={check.verdict.exchanges}
            />
          </div>
        ) : null}
        {check.kind === 'graded' && !check.verdict.solved ? (
          <div className="rounded-lg border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
            <h3 className="text-lg font-bold text-amber-900">Not yet</h3>
            <p className="mt-1">{check.verdict.missing}</p>
            <ExchangeList heading="The exchanges it looked at:" list={check.verdict.exchanges} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
