import { useSelector } from '@xstate/react';
import { bodyText, type RoomOutcome, type RoomPhase } from '@/lib/rooms/room-outcome';
import type { HeaderList } from '@/lib/trace/types';
import type { GrantDefinition } from '@/lib/walkthrough/types';
import type { WalkthroughActor } from '../walkthrough/types';

// The challenge and nonce headers the solo card shows beside the body (RFC 6750 §3, RFC 9449 §8).
const SHOWN_HEADERS = ['www-authenticate', 'dpop-nonce'];

type Snapshot = ReturnType<WalkthroughActor['getSnapshot']>;

/** The phase the solo step card's badge shows (components/walkthrough/step-card.tsx), from a snapshot. */
function phaseOf(snapshot: Snapshot, grant: GrantDefinition): RoomPhase {
  const status = snapshot.context.lastResult?.status;
  const step = grant.steps[snapshot.context.stepIndex];
  if (snapshot.matches('ready') && step) return { kind: 'ready', action: step.action(snapshot.context).kind };
  if (snapshot.matches('redirecting')) return { kind: 'away' };
  if (snapshot.hasTag('interrupted')) return { kind: 'interrupted' };
  if (snapshot.hasTag('polling')) return { kind: 'polling' };
  if (snapshot.hasTag('busy')) return { kind: 'sending' };
  return { kind: snapshot.matches('failed') ? 'refused' : 'answered', ...(status ? { status } : {}) };
}

/**
 * What the instructor's step card shows of its send, for the room: its phase, the response and a
 * refusal's error. Masked by the room's view before it leaves this browser (lib/rooms/room-view.ts).
 */
export function outcomeOf(snapshot: Snapshot, grant: GrantDefinition): RoomOutcome {
  const phase = phaseOf(snapshot, grant);
  const { lastResult, error } = snapshot.context;
  const answered = phase.kind === 'answered' || phase.kind === 'refused';
  return {
    phase,
    ...(answered && lastResult
      ? {
          response: {
            status: lastResult.status,
            headers: SHOWN_HEADERS.flatMap((name): HeaderList => {
              const value = lastResult.headers[name];
              return value ? [[name, value]] : [];
            }),
            body: bodyText(lastResult.body),
          },
        }
      : {}),
    ...(phase.kind === 'refused' && error ? { error } : {}),
    ...(snapshot.hasTag('complete') ? { complete: true } : {}),
  };
}

const sameOutcome = (a: RoomOutcome, b: RoomOutcome) => JSON.stringify(a) === JSON.stringify(b);

/** The outcome, as an object that changes only when the outcome does (it is compared, then sent). */
export const useOutcome = (actor: WalkthroughActor, grant: GrantDefinition) =>
  useSelector(actor, (snapshot) => outcomeOf(snapshot, grant), sameOutcome);
