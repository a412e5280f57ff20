import { z } from 'zod/mini';
import { toCurl } from '@/lib/trace/curl';
import type { TraceEvent } from '@/lib/trace/types';

const learnerCookie = z.object({ cookie: z.string(), origin: z.string() });
/** The learner cookie (`name=value`) and the playground's public origin, the one place it may be sent. */
export type LearnerCookie = z.infer<typeof learnerCookie>;

/**
 * The learner's cookie, for the commands the learner copies, never rendered: it is HttpOnly, so only the
 * playground's own endpoint can hand it to this page (lib/trace/routes.ts).
 */
export async function fetchLearnerCookie(fetcher: typeof fetch = fetch): Promise<LearnerCookie | undefined> {
  try {
    const response = await fetcher('/api/trace/cookie', { cache: 'no-store' });
    return response.ok ? learnerCookie.safeParse(await response.json()).data : undefined;
  } catch {
    return undefined;
  }
}

let once: Promise<LearnerCookie | undefined> | undefined;

/**
 * The learner cookie, asked for once per page (the HTTP log asks as it mounts), so that "Copy as curl"
 * writes to the clipboard at once when pressed rather than after a round trip. An answer without a
 * cookie is not kept: the next copy asks again.
 */
export function learnerCookieOnce(): Promise<LearnerCookie | undefined> {
  once ??= fetchLearnerCookie().then((learner) => {
    if (!learner) once = undefined;
    return learner;
  });
  return once;
}

/**
 * "Copy as curl" for a recorded exchange: with the learner cookie when the request went to this
 * playground (its public origin, as the server says it), so that the command, run from a terminal,
 * lands in the learner's trace; never to another host (a Mastodon instance), which must not get it.
 */
export async function learnerCurl(
  event: TraceEvent,
  cookie: () => Promise<LearnerCookie | undefined> = learnerCookieOnce,
): Promise<string> {
  const learner = await cookie();
  const ours = learner && new URL(event.request.url).origin === learner.origin;
  return toCurl(event, ours ? { cookie: learner.cookie } : undefined);
}
