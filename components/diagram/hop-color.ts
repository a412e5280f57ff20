import { ATTACKER } from '@/lib/attacks/party';
import type { Hop } from '@/lib/diagram/hops';
import { CHANNEL_COLOR, SUPPORTING_COLOR } from './graph-layout';

/** The Attacker's red (its node's border, red-700): a theft, or the attacker's own request, reads as such. */
export const ATTACKER_COLOR = '#b91c1c';

/** A hop into or out of the Attacker: the hand-off of what it steals, or a request it sends. */
export const involvesAttacker = (hop: Pick<Hop, 'from' | 'to'>) =>
  hop.from === ATTACKER || hop.to === ATTACKER;

/**
 * An arrow's colour: the selected one dark, a supporting call grey, the Attacker's red, otherwise its
 * channel's. The channel stays readable in red by its dash pattern (front dashed, back solid).
 */
export function hopColor(
  hop: Pick<Hop, 'from' | 'to' | 'channel'>,
  state: { selected: boolean; subdued: boolean },
) {
  if (state.selected) return '#0f172a';
  if (state.subdued) return SUPPORTING_COLOR;
  return involvesAttacker(hop) ? ATTACKER_COLOR : CHANNEL_COLOR[hop.channel];
}
