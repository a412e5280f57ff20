'use client';

import { codeExpiry, codeIssue, codeRedemption } from '@/lib/walkthrough/code-refusal';
import type { TraceEvent } from '@/lib/trace/types';
import { useNow } from './use-now';

export type CodeClock =
  | { kind: 'unknown' }
  | { kind: 'redeemed'; exchangeNumber: number }
  | { kind: 'running'; expiresAt: number; secondsLeft: number }
  | { kind: 'expired'; expiresAt: number };

/**
 * Where a code stands, once a second: from the redirect that issued it (in the trace) and the server's
 * code lifetime. The step's countdown and its outcome line read the same clock, so they never disagree.
 */
export function useCodeClock(
  events: readonly TraceEvent[],
  code: string | undefined,
  ttlSeconds: number,
): CodeClock {
  const issue = code ? codeIssue(events, code) : undefined;
  const expiresAt = issue ? codeExpiry(issue.time, ttlSeconds) : undefined;
  const redemption = code ? codeRedemption(events, code) : undefined;
  const now = useNow(expiresAt !== undefined && !redemption);
  if (expiresAt === undefined) return { kind: 'unknown' };
  if (redemption) return { kind: 'redeemed', exchangeNumber: redemption.number };
  const secondsLeft = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return secondsLeft === 0 ? { kind: 'expired', expiresAt } : { kind: 'running', expiresAt, secondsLeft };
}

export const clockTime = (time: number) => new Date(time).toTimeString().slice(0, 8);
