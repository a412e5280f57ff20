import { assignParties, titleOf, type PartyEvent } from '@/lib/diagram/roles';
import type { TraceEvent } from '@/lib/trace/types';
import type { ExtraRole } from '@/lib/walkthrough/types';

const ROLE = {
  'resource-owner': 'browser',
  client: 'client',
  'authorization-server': 'authorization server',
  'resource-server': 'resource server',
} as const;

/**
 * "sender → receiver, channel" for each exchange, both ends named as the diagram draws them
 * (lib/diagram/roles.ts): the attacker's server receiving loot is the attacker, not the client role its
 * route is recorded as; an extra party sending is named for itself.
 */
export function directionsOf(events: readonly TraceEvent[], roles?: readonly ExtraRole[]): string[] {
  const parties: readonly PartyEvent[] = roles?.length ? assignParties([...events], roles) : events;
  return events.map((event, index) => {
    const party = parties[index]!;
    const name = (assigned: string, recorded: TraceEvent['from']) =>
      assigned !== recorded ? titleOf(assigned, roles).toLowerCase() : ROLE[recorded];
    return `${name(party.from, event.from)} → ${name(party.to, event.to)}, ${event.channel} channel`;
  });
}
