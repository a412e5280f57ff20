import { z } from 'zod/mini';
import { toCurl } from '@/lib/trace/curl';
import type { TraceEvent } from '@/lib/trace/types';

const learnerCookie = z.object({ cookie: z.string() });

/**
 * The learner's cookie, fetched when the learner copies a command and never rendered: it is HttpOnly,
 * so only the playground's own endpoint can hand it to this page (lib/trace/routes.ts).
 */
export async function fetchLearnerCookie(fetcher: typeof fetch = fetch): Promise<string | undefined> {
  try {
    const response = await fetcher('/api/trace/cookie', { cache: 'no-store' });
    return response.ok ? learnerCookie.safeParse(await response.json()).data?.cookie : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "Copy as curl" for a recorded exchange: with the learner cookie when the request went to this
 * playground (`origin`), so that the command, run from a terminal, lands in the learner's trace; never
 * to another host (a Mastodon instance), which must not get the playground's cookie.
 */
export async function learnerCurl(
  event: TraceEvent,
  origin: string,
  cookie: () => Promise<string | undefined> = fetchLearnerCookie,
): Promise<string> {
  if (new URL(event.request.url).origin !== origin) return toCurl(event);
  return toCurl(event, { cookie: await cookie() });
}
