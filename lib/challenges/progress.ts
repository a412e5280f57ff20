import { z } from 'zod';
import type { OidcStorage } from '../storage';

/**
 * A learner's progress through the challenges, kept in the playground's storage (SQLite, or Redis
 * when configured) under the learner's id: what each check found, a solved challenge staying solved.
 * Written only by a check, so only learners who press Check have any.
 */
const KIND = 'challenge-progress';

const entry = z.object({ status: z.enum(['solved', 'trying']), at: z.string() });
const progressSchema = z.record(z.string(), entry);
export type ChallengeStatus = z.infer<typeof entry>['status'];
export type Progress = z.infer<typeof progressSchema>;

export async function progressOf(storage: OidcStorage, learnerId: string): Promise<Progress> {
  return (await storage.getDocument(KIND, learnerId, progressSchema)) ?? {};
}

/** Records a check's grade: solved stays solved; anything else is "trying". Answers the new progress. */
export async function recordCheck(
  storage: OidcStorage,
  learnerId: string,
  slug: string,
  solved: boolean,
  now: () => number = Date.now,
): Promise<Progress> {
  const progress = await progressOf(storage, learnerId);
  if (progress[slug]?.status === 'solved') return progress;
  const next: Progress = {
    ...progress,
    [slug]: { status: solved ? 'solved' : 'trying', at: new Date(now()).toISOString() },
  };
  await storage.putDocument(KIND, learnerId, next, []);
  return next;
}

export async function resetProgress(storage: OidcStorage, learnerId: string): Promise<void> {
  await storage.deleteDocument(KIND, learnerId);
}
