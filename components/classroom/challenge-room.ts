import { useSyncExternalStore } from 'react';
import { z } from 'zod/mini';
import { parseStored } from '@/lib/stored-json';

/**
 * The classroom room a student's challenge checks count in, and the name the student gave it (optional,
 * shown only in the instructor's panel). Kept in this browser; the student may stop at any time.
 */
const KEY = 'playground:classroom:challenges';
const challengeRoom = z.object({
  code: z.string().check(z.minLength(1)),
  displayCode: z.string(),
  name: z.optional(z.string()),
});
export type ChallengeRoom = z.infer<typeof challengeRoom>;

const listeners = new Set<() => void>();
let cached: { text: string | null; room: ChallengeRoom | undefined } | undefined;

function read(): ChallengeRoom | undefined {
  const text = localStorage.getItem(KEY);
  if (cached?.text !== text) cached = { text, room: parseStored(text, challengeRoom) };
  return cached.room;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab joining or leaving counts here too.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

export function saveChallengeRoom(room: ChallengeRoom | undefined) {
  if (room) localStorage.setItem(KEY, JSON.stringify(room));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

/** The room this browser's checks count in, live; none on the server's render. */
export const useChallengeRoom = () => useSyncExternalStore(subscribe, read, () => undefined);
