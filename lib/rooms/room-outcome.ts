import { z } from 'zod/mini';
import type { HeaderList } from '../trace/types';
import { maskHeader, maskRoomText } from './room-view-mask';

/**
 * Where the instructor's step is, and what its send received, as the solo step card shows it
 * (components/walkthrough/step-card.tsx): the phase badge ("sent: 400 Bad Request"), the response's
 * status, challenge headers and body, and a refusal's `error` and `error_description` verbatim (RFC
 * 6749 §5.2), masked like the rest of the room's view. The follower's card derives the meaning and the
 * explanation from these, as the solo card does.
 */
export type RoomPhase =
  | { kind: 'ready'; action: 'navigate' | 'send' | 'callback' | 'visit' | 'skip' }
  | { kind: 'away' | 'interrupted' | 'sending' | 'polling' }
  | { kind: 'answered' | 'refused'; status?: number };

export type RoomOutcome = {
  phase: RoomPhase;
  /** The response the step received, once it has one. */
  response?: { status: number; headers: HeaderList; body: string };
  error?: { error: string; error_description?: string; status?: number };
  /** The walkthrough's last step has been answered. */
  complete?: boolean;
};

/** A response body in the step card keeps its start: a token response or an error fits whole. */
export const OUTCOME_BODY_CHARS = 2_000;
const OUTCOME_TEXT_CHARS = 500;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The response as the step card shows it: JSON pretty-printed, text as it came. */
export const bodyText = (body: unknown): string =>
  typeof body === 'string' ? body : body === undefined ? '' : (JSON.stringify(body, null, 2) ?? '');

/** The outcome masked and bounded; masking a masked outcome changes nothing. */
export function maskOutcome(outcome: RoomOutcome): RoomOutcome {
  const { response, error } = outcome;
  return {
    phase: outcome.phase,
    ...(response
      ? {
          response: {
            status: response.status,
            headers: response.headers
              .slice(0, 4)
              .map(([name, value]) => [cut(name, 100), cut(maskHeader(name, value), OUTCOME_TEXT_CHARS)]),
            body: cut(maskRoomText(response.body), OUTCOME_BODY_CHARS),
          },
        }
      : {}),
    ...(error
      ? {
          error: {
            error: cut(maskRoomText(error.error), 100),
            ...(error.error_description !== undefined
              ? { error_description: cut(maskRoomText(error.error_description), OUTCOME_TEXT_CHARS) }
              : {}),
            ...(error.status !== undefined ? { status: error.status } : {}),
          },
        }
      : {}),
    ...(outcome.complete ? { complete: true } : {}),
  };
}

const status = z.int().check(z.gte(100), z.lte(599));
const text = (max: number) => z.string().check(z.maxLength(max + 1));

export const roomOutcomeSchema: z.ZodMiniType<RoomOutcome> = z.object({
  phase: z.union([
    z.object({ kind: z.literal('ready'), action: z.enum(['navigate', 'send', 'callback', 'visit', 'skip']) }),
    z.object({ kind: z.enum(['away', 'interrupted', 'sending', 'polling']) }),
    z.object({ kind: z.enum(['answered', 'refused']), status: z.optional(status) }),
  ]),
  response: z.optional(
    z.object({
      status,
      headers: z.array(z.tuple([text(100), text(OUTCOME_TEXT_CHARS)])).check(z.maxLength(4)),
      body: text(OUTCOME_BODY_CHARS),
    }),
  ),
  error: z.optional(
    z.object({
      error: text(100),
      error_description: z.optional(text(OUTCOME_TEXT_CHARS)),
      status: z.optional(z.int().check(z.gte(0), z.lte(599))),
    }),
  ),
  complete: z.optional(z.boolean()),
});
