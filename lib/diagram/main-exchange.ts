import { isAttackersPath } from '../attacks/party';
import type { StepAction, StepDefinition, WalkthroughContext } from '../walkthrough/types';
import { authorizationResponseTarget } from './hops';
import type { PartyEvent } from './roles';
import { supportingCallOf } from './supporting-calls';
import { responseHeader } from '../trace/exchange';

/**
 * A step's main exchange: the message its own action sent, the one the diagram highlights and labels.
 * Everything else a step causes is a supporting call (./supporting-calls.ts), drawn subdued.
 */
type Exchange = PartyEvent;

const pathOf = (event: Exchange) => new URL(event.request.url).pathname;

type Match = (event: Exchange) => boolean;

// The authorization server's own pages (the playground's, and an instance's Mastodon paths).
const AT_AUTHORIZATION_SERVER = /^\/(oidc|interaction|oauth)(\/|$)/;

/**
 * The end of a trip through the browser: the authorization server redirecting it away from itself, to
 * the client's redirect URI, whether or not the recorded address kept its parameters.
 */
export const endsTripThroughBrowser: Match = (event) => {
  if (authorizationResponseTarget(event)) return true;
  if (event.to !== 'authorization-server' || event.response.status < 300 || event.response.status >= 400)
    return false;
  const location = responseHeader(event, 'location');
  if (!location) return false;
  const target = new URL(location, event.request.url);
  return (
    target.origin !== new URL(event.request.url).origin || !AT_AUTHORIZATION_SERVER.test(target.pathname)
  );
};

/**
 * How to recognise the exchanges of a step's action, most telling first: the request it sends (method and
 * path; for an attack step the request the attacker's server really sends, not the lab's call to it), the
 * hand-off a redirect carries to the attacker, the authorization response a trip through the browser ends
 * with, the pages a person visits.
 */
function matchersOf(action: StepAction, origin: string): Match[] {
  switch (action.kind) {
    case 'send': {
      const sent = action.attackerSends ?? action.request;
      const path = new URL(sent.path, origin).pathname;
      return [(event) => event.request.method === sent.method && pathOf(event) === path];
    }
    case 'navigate': {
      const path = new URL(action.path, origin).pathname;
      return [endsTripThroughBrowser, (event) => event.request.method === 'GET' && pathOf(event) === path];
    }
    case 'callback': {
      // An attack's hand-off that arrives through the redirect is the step's message, not the redirect;
      // when a defense left it nothing to carry, the browser's visit to the attacker's page still is.
      const arrivesAt = action.arrivesAt && new URL(action.arrivesAt, origin).pathname;
      const handOff: Match[] = arrivesAt
        ? [
            (event) => pathOf(event) === arrivesAt,
            (event) => event.channel === 'front' && isAttackersPath(pathOf(event)),
          ]
        : [];
      return [...handOff, endsTripThroughBrowser];
    }
    case 'visit': {
      const path = new URL(action.url, origin).pathname;
      return [(event) => event.channel === 'front' && pathOf(event).startsWith(path)];
    }
    case 'skip':
      return [];
  }
}

/**
 * Where a step's exchanges can start: a trip through the browser starts with the GET of the page it
 * navigates to, when that is recorded, so a trip that ended before it (the attacker's own sign-in, before
 * alice is lured to its page) is not taken for this one's end.
 */
function windowOf(action: StepAction, events: Exchange[], origin: string, taken = true): Exchange[] {
  if (action.kind !== 'navigate') return events;
  const path = new URL(action.path, origin).pathname;
  const start = events.find((event) => event.request.method === 'GET' && pathOf(event) === path);
  // A trip not yet taken has no exchange: the end of an earlier one (the attacker's own) is not its own.
  if (!start && !taken) return [];
  return start ? events.filter((event) => event.seq >= start.seq) : events;
}

const find = (events: Exchange[], matchers: Match[], last: boolean) => {
  for (const match of matchers) {
    const found = last ? events.findLast(match) : events.find(match);
    if (found) return found;
  }
  return undefined;
};

/**
 * What a past step sent when its own request is not recorded (a lab wrapper in front of an endpoint records
 * what the endpoint received): the first exchange after the steps before it that is not a supporting call,
 * unless it is the next step's own. Undefined when it sent nothing (the attacker held nothing to send).
 */
function causedBy(window: Exchange[], next: StepAction | undefined, origin: string): Exchange | undefined {
  const first = window.find((event) => !supportingCallOf(event));
  if (!first || !next) return first;
  return find([first], matchersOf(next, origin), false) ? undefined : first;
}

/** A step the run went through, as the walkthrough's history keeps it, with the context it ran in. */
export type StepRun = { action: StepAction };

/**
 * The seq of the main exchange of the step in view. `past` are the steps the run went through before it,
 * in order; `current` is the step in view and whether its action has been taken (sent, navigated).
 * Past steps move a cursor through the exchanges, so a later step that calls the same endpoint (a refresh
 * after a token request) finds its own exchange, not an earlier one. A step that was sent but whose
 * request is not among the exchanges is represented by the newest exchange it caused that is not a
 * supporting call; a step not yet taken leaves the previous step's main exchange in view.
 * Undefined when no exchange is the step's (nothing sent yet, or nothing recorded for it).
 */
export function mainExchangeSeq(
  past: readonly StepAction[],
  current: { action: StepAction; taken: boolean } | undefined,
  events: readonly Exchange[],
  origin: string,
): number | undefined {
  let cursor = -Infinity;
  let previous: Exchange | undefined;
  past.forEach((action, index) => {
    // The callback step shows the authorization response its navigation ended with: the same exchange.
    const from = action.kind === 'callback' ? cursor - 0.5 : cursor;
    const series = action.kind === 'visit';
    const window = windowOf(
      action,
      events.filter((event) => event.seq > from),
      origin,
    );
    const found =
      find(window, matchersOf(action, origin), series) ??
      (action.kind === 'send' ? causedBy(window, past[index + 1] ?? current?.action, origin) : undefined);
    if (found) {
      cursor = found.seq;
      previous = found;
    } else if (action.kind === 'send') previous = undefined;
  });
  if (!current) return previous?.seq;
  const inclusive = current.action.kind === 'callback' ? cursor - 0.5 : cursor;
  const after = events.filter((event) => event.seq > inclusive);
  const own = find(
    windowOf(current.action, after, origin, current.taken),
    matchersOf(current.action, origin),
    true,
  );
  if (own) return own.seq;
  if (!current.taken) return previous?.seq;
  return after.findLast((event) => !supportingCallOf(event))?.seq;
}

/** Without a walkthrough to ask (a follower's view, a run against an instance): the newest own exchange. */
export const newestOwnExchangeSeq = (events: readonly Exchange[]): number | undefined =>
  events.findLast((event) => !supportingCallOf(event))?.seq ?? events.at(-1)?.seq;

/**
 * The main exchange of the step a walkthrough shows, from its snapshot: the steps in its history, then the
 * step in view, taken once its action has gone out (a callback step's has arrived with the page).
 */
export function mainExchangeOfRun(
  steps: readonly StepDefinition[],
  context: WalkthroughContext & { history: readonly WalkthroughContext[] },
  awaitingAction: boolean,
  events: readonly Exchange[],
): number | undefined {
  const past = context.history.flatMap((entry) => {
    const step = steps[entry.stepIndex];
    return step ? [step.action(entry)] : [];
  });
  const step = steps[context.stepIndex];
  const action = step?.action(context);
  const current = action ? { action, taken: !awaitingAction || action.kind === 'callback' } : undefined;
  return mainExchangeSeq(past, current, events, context.origin);
}
