'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { saveChallengeRoom, useChallengeRoom } from './challenge-room';

const NAME_MAX = 40;

/**
 * A student's choice to have their challenge checks counted in this room: the instructor then sees, per
 * challenge, how many have solved it and how many are trying. A display name is optional, and shown only
 * in the instructor's panel.
 */
export function ChallengesInRoom({ code, displayCode }: { code: string; displayCode: string }) {
  const id = useId();
  const room = useChallengeRoom();
  const [name, setName] = useState('');
  const here = room?.code === code;
  return (
    <details className="rounded-lg bg-white px-3 py-1.5 ring-1 ring-slate-300">
      <summary className="cursor-pointer font-semibold">Challenges</summary>
      <div className="mt-2 max-w-sm space-y-2 pb-1 text-sm">
        {here ? (
          <>
            <p role="status">
              Your challenge checks count in this room{room.name ? ` as “${room.name}”` : ', without a name'}.
              Only “solved” or “trying” reaches the instructor, never your requests or tokens.
            </p>
            <p className="flex flex-wrap gap-3">
              <Link href="/challenges" className="font-semibold text-as-accent underline">
                Open the challenges
              </Link>
              <button
                type="button"
                onClick={() => saveChallengeRoom(undefined)}
                className="font-semibold text-slate-700 underline"
              >
                Stop counting here
              </button>
            </p>
          </>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const given = name.trim();
              saveChallengeRoom({ code, displayCode, ...(given ? { name: given } : {}) });
            }}
            className="space-y-2"
          >
            <p>
              Count your challenge checks in this room: the instructor sees how many have solved each
              challenge and how many are trying. Nothing else of yours reaches the room.
            </p>
            <label htmlFor={`${id}-name`} className="block font-semibold">
              Display name (optional)
            </label>
            <input
              id={`${id}-name`}
              value={name}
              maxLength={NAME_MAX}
              onChange={(event) => setName(event.target.value)}
              aria-describedby={`${id}-name-help`}
              autoComplete="nickname"
              className="w-full rounded border border-slate-400 px-2 py-1"
            />
            <p id={`${id}-name-help`} className="text-slate-600">
              Shown only in the instructor’s panel, not on the projector unless the instructor chooses to show
              names. Leave it empty to be counted without one.
            </p>
            <button type="submit" className="rounded-lg bg-as-accent px-3 py-1 font-semibold text-white">
              Count my challenges here
            </button>
          </form>
        )}
      </div>
    </details>
  );
}
