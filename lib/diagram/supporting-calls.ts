import type { PartyEvent } from './roles';

/**
 * The calls a step causes beside its own message (lib/diagram/main-exchange.ts), drawn subdued: the page
 * fetching the keys to check a token's signature, the resource server introspecting a token, a metadata
 * document being read.
 */
export type SupportingCall = 'jwks' | 'introspection' | 'discovery';

type Exchange = Pick<PartyEvent, 'from' | 'to' | 'seq' | 'request'>;

const pathOf = (event: Exchange) => new URL(event.request.url).pathname;

/** Which supporting call an exchange is (RFC 7517 key set, RFC 7662 introspection, RFC 8414 metadata). */
export function supportingCallOf(event: Exchange): SupportingCall | undefined {
  const path = pathOf(event);
  if (/\/jwks$/.test(path)) return 'jwks';
  if (/\/token\/introspection$|\/introspect$/.test(path)) return 'introspection';
  if (/\/\.well-known\//.test(path)) return 'discovery';
  return undefined;
}

/** What a supporting call does, in words a sub-step can say after the step's own message. */
export const SUPPORTING_SAYS: Record<SupportingCall, string> = {
  jwks: 'the tokens’ signatures are checked against the authorization server’s public keys (JWKS)',
  introspection:
    'the resource server asks the authorization server whether the access token is active (token introspection, RFC 7662)',
  discovery: 'the authorization server’s metadata is read (discovery, RFC 8414)',
};

/**
 * The supporting calls around a main exchange: the ones just before it (the resource server introspecting
 * the token while the API call was open) and the ones just after (the keys fetched to check the tokens).
 */
export function supportingCallsAround<E extends Exchange>(
  events: readonly E[],
  mainSeq: number | undefined,
): E[] {
  const at = events.findIndex((event) => event.seq === mainSeq);
  if (at < 0) return [];
  const around: E[] = [];
  // Before it, only what its receiver asked while answering it (introspection): the rest is the step before's.
  const main = events[at]!;
  for (let i = at - 1; i >= 0 && supportingCallOf(events[i]!) && events[i]!.from === main.to; i--)
    around.unshift(events[i]!);
  for (let i = at + 1; i < events.length && supportingCallOf(events[i]!); i++) around.push(events[i]!);
  return around;
}
