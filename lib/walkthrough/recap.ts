import type { TraceEvent } from '../trace/types';
import type { TokenSet } from './types';

/**
 * The end of a run in review: where each token it holds travelled, from the recorded exchanges (a token
 * is found where its value is: in a response that issued it, in a request that carried it), and where
 * to go next, from the registries' order. Nothing here is written per grant.
 */

const TOKENS = [
  ['access_token', 'Access token'],
  ['refresh_token', 'Refresh token'],
  ['id_token', 'ID token'],
] as const;

export type TokenLeg = {
  /** The exchange's number in the run's HTTP log (1-based). */
  number: number;
  method: string;
  path: string;
  from: string;
  to: string;
  /** In the request (sent by `from`) or in the response (given to `from` by `to`). */
  carriedIn: 'request' | 'response';
};

export type TokenJourney = { field: (typeof TOKENS)[number][0]; name: string; legs: TokenLeg[] };

type Exchange = Pick<TraceEvent, 'request' | 'response'> & { from: string; to: string };

const carries = (message: { headers: [string, string][]; body: string | null }, value: string) =>
  (message.body?.includes(value) ?? false) || message.headers.some(([, header]) => header.includes(value));

export function tokenJourneys(events: readonly Exchange[], tokens: TokenSet): TokenJourney[] {
  return TOKENS.flatMap(([field, name]) => {
    const value = tokens[field];
    if (!value) return [];
    const legs = events.flatMap((event, index): TokenLeg[] => {
      const url = new URL(event.request.url);
      const leg = {
        number: index + 1,
        method: event.request.method,
        path: url.pathname,
        from: event.from,
        to: event.to,
      };
      if (url.href.includes(value) || carries(event.request, value))
        return [{ ...leg, carriedIn: 'request' }];
      if (carries(event.response, value)) return [{ ...leg, carriedIn: 'response' }];
      return [];
    });
    return [{ field, name, legs }];
  });
}

export type Suggestion = { href: string; title: string; why: string };

type Walkthrough = { slug: string; title: string; grantTypes: readonly string[] };

/**
 * What to try after this run: the next grant in the order given (the home page's suggested order), and the first attack in the lab's
 * order whose lab client uses a grant type this run used (an attack on what the learner just did).
 * On an attack page: the next attack.
 */
export function suggestNext(
  current: { slug: string; kind: 'grant' | 'attack'; grantTypes: readonly string[] },
  grants: readonly Walkthrough[],
  attacks: readonly Walkthrough[],
): Suggestion[] {
  const after = <T extends Walkthrough>(list: readonly T[]) => {
    const index = list.findIndex((item) => item.slug === current.slug);
    return index < 0 ? undefined : list[(index + 1) % list.length];
  };
  if (current.kind === 'attack') {
    const next = after(attacks);
    return next && next.slug !== current.slug
      ? [{ href: `/attacks/${next.slug}`, title: next.title, why: 'The next attack in the lab.' }]
      : [];
  }
  const suggestions: Suggestion[] = [];
  const grant = after(grants);
  if (grant && grant.slug !== current.slug)
    suggestions.push({
      href: `/grants/${grant.slug}`,
      title: grant.title,
      why: 'Next in the suggested order.',
    });
  const shared = (attack: Walkthrough) => attack.grantTypes.find((type) => current.grantTypes.includes(type));
  const attack = attacks.find(shared);
  if (attack)
    suggestions.push({
      href: `/attacks/${attack.slug}`,
      title: attack.title,
      why: `An attack on a flow that uses ${shared(attack)}, as this one did.`,
    });
  return suggestions;
}
