'use client';

import { useEffect, useState } from 'react';
import { z } from 'zod/mini';

const answer = z.object({ progress: z.record(z.string(), z.object({ status: z.string() })) });

/**
 * The home page's line on the learner's challenges ("You have solved 1 of 2"), read in the browser: the
 * home page itself is prerendered, the same for everyone. Nothing until the learner has checked one.
 */
export function HomeProgress({ slugs }: { slugs: readonly string[] }) {
  const [solved, setSolved] = useState<{ solved: number; tried: number }>();
  useEffect(() => {
    let cancelled = false;
    void fetch('/api/challenges/progress', { cache: 'no-store' })
      .then(async (response) => (response.ok ? answer.safeParse(await response.json()).data : undefined))
      .then((read) => {
        if (!read || cancelled) return;
        const known = slugs.flatMap((slug) => (read.progress[slug] ? [read.progress[slug].status] : []));
        setSolved({ solved: known.filter((status) => status === 'solved').length, tried: known.length });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [slugs]);
  if (!solved?.tried) return null;
  return (
    <p className="mt-2 font-semibold">
      You have solved {solved.solved} of {slugs.length} challenges.
    </p>
  );
}
