import { z } from 'zod';
import type { Challenge } from './types';

/**
 * A challenge's text, kept apart from its grader in its folder's `text.json` (what an instructor edits
 * is prose, not code), and checked as it loads: a missing hint or a malformed RFC link fails at once.
 */
const challengeTextSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(1),
  goal: z.string().min(1),
  why: z.object({
    text: z.string().min(1),
    rfc: z.object({
      label: z.string().regex(/^RFC \d+ §[\d.]+$/),
      href: z.string().regex(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+$/),
    }),
  }),
  tools: z.array(z.string().min(1)).min(1),
  hints: z.tuple([z.string().min(1), z.string().min(1), z.string().min(1)]),
  showMe: z.object({ label: z.string().min(1), href: z.string().regex(/^\/(grants|attacks)\/[a-z0-9-]+$/) }),
  questions: z
    .array(
      z.object({ name: z.string().regex(/^[a-z]+$/), label: z.string().min(1), help: z.string().min(1) }),
    )
    .min(1)
    .optional(),
  workspace: z.literal('attacker').optional(),
});

export type ChallengeText = Omit<Challenge, 'grade'>;

export const challengeText = (json: unknown): ChallengeText => challengeTextSchema.parse(json);
