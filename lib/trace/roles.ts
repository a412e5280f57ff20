import type { Channel, Role } from './types';

/** Set by the playground's own client code to say which role sent a request it makes. */
export const FROM_HEADER = 'x-playground-from';
export const ROLE_NAMES = [
  'resource-owner',
  'client',
  'authorization-server',
  'resource-server',
] as const satisfies readonly Role[];

/** True for one of the four roles of RFC 6749 §1.1 (not an extra party such as an agent or the attacker). */
export const isRole = (value: unknown): value is Role => ROLE_NAMES.some((name) => name === value);

/**
 * Who sent a request to a server role, and over which channel. A navigation (the browser following
 * a link, a redirect or a form) is the resource owner on the front channel; anything else is a
 * direct call from the client on the back channel (RFC 6749 section 1.2).
 */
export function senderOf(headers: Headers): { from: Role; channel: Channel } {
  const declared = headers.get(FROM_HEADER);
  const navigation =
    headers.get('sec-fetch-mode') === 'navigate' || headers.get('sec-fetch-dest') === 'document';
  if (isRole(declared)) return { from: declared, channel: navigation ? 'front' : 'back' };
  return navigation ? { from: 'resource-owner', channel: 'front' } : { from: 'client', channel: 'back' };
}
