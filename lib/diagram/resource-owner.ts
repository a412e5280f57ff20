import { probeContext } from '../walkthrough/probe';
import type { GrantDefinition, StepDefinition, WalkthroughContext } from '../walkthrough/types';
import type { PartyEvent } from './roles';
import { formOf } from '../trace/exchange';

/**
 * The resource owner as RFC 6749 §1.1 means it: a person (alice), who uses a browser as her user agent;
 * the browser is not the role. How a grant involves her, from its definition:
 * - `browser`: she signs in and consents at the authorization server, through her browser (code, implicit,
 *   device: on a second screen);
 * - `client-form`: she types her password into the client itself (RFC 6749 §4.3), no redirect;
 * - `none`: no user at all (client credentials, RFC 6749 §4.4): the client acts for itself.
 */
export type ResourceOwnerPart = 'browser' | 'client-form' | 'none';

const sendsPassword = (step: StepDefinition, context: WalkthroughContext) => {
  if (step.params?.some((param) => param.name === 'password' || param.name === 'username')) return true;
  try {
    const action = step.action(context);
    return action.kind === 'send' && action.request.form?.grant_type === 'password';
  } catch {
    return false;
  }
};

/** How a grant involves the resource owner, read from its steps. */
export function resourceOwnerPartOf(
  grant: Pick<GrantDefinition, 'slug' | 'defaults' | 'steps'>,
): ResourceOwnerPart {
  if (
    grant.steps.some(
      (step) => step.channel === 'front' || step.from === 'resource-owner' || step.to === 'resource-owner',
    )
  )
    return 'browser';
  if (grant.steps.some((step, index) => sendsPassword(step, probeContext(grant, index, 'http://localhost'))))
    return 'client-form';
  return 'none';
}

/**
 * The account the resource owner used in this run, as the exchanges show it: the username of her last
 * accepted sign-in at the authorization server, or of a password grant the authorization server answered.
 * Another party's sign-in (the lab's attacker) is its own, not hers.
 */
export function resourceOwnerAccount(events: readonly PartyEvent[]): string | undefined {
  const signIn = events.findLast(
    (event) =>
      (event.from === 'resource-owner' &&
        event.request.method === 'POST' &&
        /^\/interaction\/[^/]+\/login$/.test(new URL(event.request.url).pathname) &&
        event.response.status === 303) ||
      (event.from === 'client' &&
        formOf(event)?.get('grant_type') === 'password' &&
        event.response.status === 200),
  );
  return (signIn && formOf(signIn)?.get('username')) || undefined;
}

/** What the node says under "Resource Owner": who she is, when the run shows it, and how she takes part. */
export function resourceOwnerSubtitle(part: ResourceOwnerPart, events: readonly PartyEvent[]): string {
  if (part === 'none') return 'not in this grant';
  const who = resourceOwnerAccount(events) ?? 'the user';
  return part === 'browser' ? `(${who}), using a browser` : `(${who}), typing the password into the client`;
}
