import { factsOf, originOf, sentBy } from '@/lib/trace/describe-exchange';
import type { TraceEvent } from '@/lib/trace/types';

/** Who sent a recorded exchange, what it carried and where it went, read from the exchange itself. */
export function ExchangeSender({ event }: { event: TraceEvent }) {
  return (
    <p className="text-xs text-slate-700">
      Sent by: {sentBy(factsOf(event.request, event))}, to {originOf(event.request)}.
    </p>
  );
}
