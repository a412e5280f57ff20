import type { z } from 'zod';
import { errorResponse } from '../http/errors';
import { identifyRequester } from '../http/requester';

export const noLearner = () =>
  errorResponse(401, 'no_learner', 'Open a playground page first: the attacker keeps loot per learner.');

/** The learner a request to the attacker's server is for: the attacker keeps loot per learner. */
export async function learnerOf(request: Request) {
  return (await identifyRequester(request.headers)).learnerId;
}

/**
 * The form an attacker endpoint is posted (application/x-www-form-urlencoded), read with the endpoint's
 * schema: a form that fails it is refused with 400 invalid_request naming every problem (RFC 6749 §5.2's
 * wire format), never passed on half-read.
 */
export async function attackerForm<T>(request: Request, schema: z.ZodType<T>): Promise<T | Response> {
  const parsed = schema.safeParse(Object.fromEntries(new URLSearchParams(await request.text())));
  if (parsed.success) return parsed.data;
  return errorResponse(400, 'invalid_request', parsed.error.issues.map((issue) => issue.message).join('; '));
}

/**
 * What an attacker endpoint that keeps loot needs first: the learner it keeps it for (401 without one,
 * before the body is read) and its form, read with `schema` (400 when it fails).
 */
export async function learnerAndForm<T>(
  request: Request,
  schema: z.ZodType<T>,
): Promise<{ learnerId: string; form: T } | Response> {
  const learnerId = await learnerOf(request);
  if (!learnerId) return noLearner();
  const form = await attackerForm(request, schema);
  return form instanceof Response ? form : { learnerId, form };
}
