import { z } from 'zod/mini';
import { parseStored } from '@/lib/stored-json';
import { ROOM_KEY } from './instructor-room-key';

/**
 * The instructor's room, kept in this browser (localStorage: every tab of the instructor's browser
 * drives the same room). The key is what lets this browser move the room; it never leaves for anyone else.
 */
const instructorRoom = z.object({
  code: z.string().check(z.minLength(1)),
  displayCode: z.string(),
  joinUrl: z.string(),
  key: z.string().check(z.minLength(1)),
});
export type InstructorRoom = z.infer<typeof instructorRoom>;

export function loadInstructorRoom(): InstructorRoom | undefined {
  return parseStored(localStorage.getItem(ROOM_KEY), instructorRoom);
}

export function saveInstructorRoom(room: InstructorRoom | undefined) {
  if (room) localStorage.setItem(ROOM_KEY, JSON.stringify(room));
  else localStorage.removeItem(ROOM_KEY);
}

/** A student's choice, per room and tab: follow the instructor or explore, and the grant explored. */
const studentMode = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('follow') }),
  z.object({ mode: z.literal('explore'), slug: z.string() }),
]);
export type StudentMode = z.infer<typeof studentMode>;

const modeKey = (code: string) => `playground:classroom:mode:${code}`;

export function loadStudentMode(code: string): StudentMode {
  return parseStored(sessionStorage.getItem(modeKey(code)), studentMode) ?? { mode: 'follow' };
}

export function saveStudentMode(code: string, mode: StudentMode) {
  sessionStorage.setItem(modeKey(code), JSON.stringify(mode));
}

/** An error answer of our API (RFC 6749 §5.2's members). */
const problemBody = z.object({ error_description: z.optional(z.string()) });

/** Reads an error answer from our API as a sentence. */
export async function problemOf(response: Response): Promise<string> {
  try {
    const body = problemBody.safeParse(await response.json());
    if (body.data?.error_description) return body.data.error_description;
  } catch {
    // not JSON
  }
  return `The playground answered ${response.status}.`;
}
