/**
 * The instructor's room, kept in this browser (localStorage: every tab of the instructor's browser
 * drives the same room). The key is what lets this browser move the room; it never leaves for anyone else.
 */
export type InstructorRoom = { code: string; displayCode: string; joinUrl: string; key: string };

const ROOM_KEY = 'playground:classroom:room';

export function loadInstructorRoom(): InstructorRoom | undefined {
  try {
    const room = JSON.parse(localStorage.getItem(ROOM_KEY) ?? 'null') as InstructorRoom | null;
    return room?.code && room.key ? room : undefined;
  } catch {
    return undefined;
  }
}

export function saveInstructorRoom(room: InstructorRoom | undefined) {
  if (room) localStorage.setItem(ROOM_KEY, JSON.stringify(room));
  else localStorage.removeItem(ROOM_KEY);
}

/** A student's choice, per room and tab: follow the instructor or explore, and the grant explored. */
export type StudentMode = { mode: 'follow' } | { mode: 'explore'; slug: string };

const modeKey = (code: string) => `playground:classroom:mode:${code}`;

export function loadStudentMode(code: string): StudentMode {
  try {
    const stored = JSON.parse(sessionStorage.getItem(modeKey(code)) ?? 'null') as StudentMode | null;
    return stored?.mode === 'explore' && typeof stored.slug === 'string' ? stored : { mode: 'follow' };
  } catch {
    return { mode: 'follow' };
  }
}

export function saveStudentMode(code: string, mode: StudentMode) {
  sessionStorage.setItem(modeKey(code), JSON.stringify(mode));
}

/** Reads an error answer from our API as a sentence. */
export async function problemOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error_description?: string };
    if (body.error_description) return body.error_description;
  } catch {
    // not JSON
  }
  return `The playground answered ${response.status}.`;
}
