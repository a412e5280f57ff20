import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * A classroom room's progress on the challenges: per challenge, how many students have solved it and
 * how many are working on it, and, for the students who chose to give a name, what each has done. Only
 * "solved / trying" reaches the room: nothing of a student's trace does.
 */

export type ChallengeStatus = 'solved' | 'trying';

/** What a student's check reports to the room: the server's grade, never the browser's word. */
export type ProgressReport = { slug: string; status: ChallengeStatus; name?: string };

/** One student's progress as the room keeps it, under an id that is not their learner id. */
export type StudentProgress = { name?: string; statuses: Record<string, ChallengeStatus> };

export type RoomProgress = {
  /** Numbers the room's tallies, so that a late one arriving first is dropped. */
  seq: number;
  challenges: Record<string, { solved: number; trying: number }>;
  /** Students who gave a name, by name: what they have solved and what they are trying. */
  named: Array<{ name: string; solved: string[]; trying: string[] }>;
};

/** A display name a student may give the room: short, one line, printable. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\p{C}]+$/u, 'a display name is one line of printable characters');

/**
 * The id under which a room keeps a student: their learner id hashed with the room's code, so that it
 * says nothing of the learner id and two rooms cannot match their students.
 */
export const studentIdOf = (learnerId: string, code: string) =>
  createHash('sha256').update(`room-student:${code}:${learnerId}`).digest('base64url').slice(0, 22);

/** A report applied to a student's progress: solved stays solved; the name is the latest report's. */
export function applyReport(current: StudentProgress | undefined, report: ProgressReport): StudentProgress {
  const statuses = { ...current?.statuses };
  if (statuses[report.slug] !== 'solved') statuses[report.slug] = report.status;
  return { ...(report.name ? { name: report.name } : {}), statuses };
}

/** The room's tally of its students' progress. */
export function tally(students: Iterable<StudentProgress>, seq: number): RoomProgress {
  const challenges: RoomProgress['challenges'] = {};
  const named: RoomProgress['named'] = [];
  for (const student of students) {
    const solved: string[] = [];
    const trying: string[] = [];
    for (const [slug, status] of Object.entries(student.statuses)) {
      const counts = (challenges[slug] ??= { solved: 0, trying: 0 });
      counts[status] += 1;
      (status === 'solved' ? solved : trying).push(slug);
    }
    if (student.name) named.push({ name: student.name, solved: solved.sort(), trying: trying.sort() });
  }
  named.sort((a, b) => a.name.localeCompare(b.name));
  return { seq, challenges, named };
}

/** A student's progress as a store keeps it (JSON), read back; nothing for another shape. */
export const storedStudent = z.object({
  name: z.string().optional(),
  statuses: z.record(z.string(), z.enum(['solved', 'trying'])),
});
