'use client';

import { deriveHoldings } from '@/lib/diagram/derive';
import { assignParties, partiesOf, titleOf } from '@/lib/diagram/roles';
import { clientKindOf } from '@/lib/grants/grant-facts';
import type { TraceEvent } from '@/lib/trace/types';
import type { GrantDefinition, WalkthroughContext } from '@/lib/walkthrough/types';
import { suggestNext, tokenJourneys } from '@/lib/walkthrough/recap';
import { ATTACKS, attackBySlug } from '@/machines/attacks/registry';
import { GRANTS, grantBySlug } from '@/machines/registry';
import { LEARNING_PATH } from '../home/learning-path';

type WithClients = {
  clients: readonly { client_id: string; metadata(origin: string): { grant_types?: readonly string[] } }[];
  clientId: string;
};
const grantTypesOf = (walkthrough: WithClients, origin: string) =>
  walkthrough.clients.find((client) => client.client_id === walkthrough.clientId)?.metadata(origin)
    .grant_types ?? [];

// The grants of the home page's suggested order first, in that order, then the others as registered.
const pathSlugs = LEARNING_PATH.flatMap((step) => ('grant' in step ? [step.grant] : []));
const rank = (slug: string) => (pathSlugs.includes(slug) ? pathSlugs.indexOf(slug) : pathSlugs.length);
const inSuggestedOrder = GRANTS.toSorted((a, b) => rank(a.slug) - rank(b.slug));

/**
 * The end of a run: who holds what now (the diagram's own holdings), where each token travelled (the
 * exchanges that carried it), and what to try next (from the registries). All of it read from the run.
 */
export function FlowRecap({
  grant,
  events,
  context,
}: {
  grant: GrantDefinition;
  events: readonly TraceEvent[];
  context: WalkthroughContext;
}) {
  const registered = grantBySlug(grant.slug) ?? attackBySlug(grant.slug);
  const roles = grant.roles ?? [];
  const parties = assignParties([...events], roles);
  const holdings = registered ? deriveHoldings(context, parties, clientKindOf(registered), roles) : undefined;
  const journeys = tokenJourneys(parties, context.tokens);
  const list = (kind: 'grant' | 'attack') =>
    (kind === 'grant' ? inSuggestedOrder : ATTACKS).map((item) => ({
      slug: item.slug,
      title: item.name,
      grantTypes: grantTypesOf(item, context.origin),
    }));
  const suggestions = registered
    ? suggestNext(
        {
          slug: grant.slug,
          kind: grantBySlug(grant.slug) ? 'grant' : 'attack',
          grantTypes: grantTypesOf(registered, context.origin),
        },
        list('grant'),
        list('attack'),
      )
    : [];
  return (
    <section
      aria-label="Recap"
      className="mt-4 rounded-lg border border-emerald-700 bg-emerald-50/40 px-4 py-3"
    >
      <h3 className="text-lg font-bold">Recap</h3>
      {holdings ? (
        <>
          <h4 className="mt-2 font-semibold">Who holds what now</h4>
          <dl className="text-sm">
            {partiesOf(roles)
              .filter((role) => holdings[role]?.length)
              .map((role) => (
                <div key={role} className="mt-1">
                  <dt className="inline font-semibold">{titleOf(role, roles)}: </dt>
                  <dd className="inline">{holdings[role]!.join('; ')}</dd>
                </div>
              ))}
          </dl>
        </>
      ) : null}
      {journeys.length ? (
        <>
          <h4 className="mt-3 font-semibold">Where each token travelled</h4>
          <ul className="text-sm">
            {journeys.map((journey) => (
              <li key={journey.field} className="mt-1">
                <span className="font-semibold">{journey.name}: </span>
                {journey.legs.length
                  ? journey.legs
                      .map(
                        (leg) =>
                          `#${leg.number} ${leg.method} ${leg.path}, ${
                            leg.carriedIn === 'response'
                              ? `${titleOf(leg.to, roles)} → ${titleOf(leg.from, roles)}`
                              : `${titleOf(leg.from, roles)} → ${titleOf(leg.to, roles)}`
                          }`,
                      )
                      .join('; ')
                  : 'in no recorded exchange (it came back in the browser’s address).'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {suggestions.length ? (
        <>
          <h4 className="mt-3 font-semibold">Try next</h4>
          <ul className="text-sm">
            {suggestions.map((suggestion) => (
              <li key={suggestion.href} className="mt-1">
                <a href={suggestion.href} className="font-semibold text-as-accent underline">
                  {suggestion.title}
                </a>
                : {suggestion.why}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
