import { ATTACKER, PARTY_HEADER } from '../../lib/attacks/party';
import {
  carriesClientSecret,
  factsOf,
  originOf,
  sentBy,
  senderOf,
  credentialOf,
  type WireRequest,
} from '../../lib/trace/describe-exchange';
import type {
  GrantDefinition,
  StepAction,
  StepDefinition,
  WalkthroughContext,
} from '../../lib/walkthrough/types';
import type { Channel, Role } from '../../lib/trace/types';
import { describeAction } from './describe';

/**
 * Style rule 12, checked: what a step says about its request (who sends it, whether it carries the
 * client secret or a Bearer token, the channel, the host) must agree with the exchange that request
 * produced when the grant ran for real. Texts are read sentence by sentence for the claims they make.
 */
export type RecordedExchange = {
  from: Role;
  to: Role;
  channel: Channel;
  request: WireRequest & { method: string };
  /** A body only on the lab's routes, value-free (e2e/support/record-exchanges.mjs). */
  response: { status: number; headers: Array<[string, string]>; body?: string | null };
};

export type Recording = { origin: string; events: RecordedExchange[] };

const sentences = (text: string) => text.split(/(?<=[.!?:])\s+/);

type Claim = { says: string; holds(event: RecordedExchange): boolean };

/** The claims a step's title and explanation make about its own request. */
export function claimsOf(step: Pick<StepDefinition, 'title' | 'explanation' | 'forFollowers'>): Claim[] {
  const claims: Claim[] = [];
  for (const sentence of sentences(`${step.title}. ${step.explanation} ${step.forFollowers ?? ''}`)) {
    const noSecret = /\bno (client )?secret\b/i.test(sentence);
    if (noSecret)
      claims.push({ says: sentence, holds: (e) => !carriesClientSecret(credentialOf(e.request)) });
    else if (/client secret|client_secret|HTTP Basic|adds the (client )?secret/i.test(sentence))
      claims.push({ says: sentence, holds: (e) => carriesClientSecret(credentialOf(e.request)) });
    if (/\bBearer\b/.test(sentence))
      claims.push({ says: sentence, holds: (e) => credentialOf(e.request) === 'bearer' });
    if (/\b(backend|the playground’s server)\b/i.test(sentence))
      claims.push({ says: sentence, holds: (e) => senderOf(e.request) === 'server' });
    if (/\b(from the browser|this browser sends|played here by your browser)\b/i.test(sentence))
      claims.push({ says: sentence, holds: (e) => senderOf(e.request) === 'browser' });
    if (/\bserver to server\b/i.test(sentence))
      claims.push({ says: sentence, holds: (e) => e.channel === 'back' && senderOf(e.request) === 'server' });
    for (const host of sentence.match(/\b(localhost|127\.0\.0\.1)(:\d+)?/g) ?? [])
      claims.push({ says: sentence, holds: (e) => new URL(e.request.url).host === host });
  }
  return claims;
}

export function contextFor(grant: GrantDefinition, origin: string, stepIndex: number): WalkthroughContext {
  return {
    slug: grant.slug,
    origin,
    stepIndex,
    params: { ...grant.defaults },
    values: {},
    tokens: { access_token: 'token' },
    polls: [],
    startSeq: 0,
    runId: '',
  };
}

const pathOf = (action: StepAction) =>
  action.kind === 'send' ? action.request.path : action.kind === 'navigate' ? action.path : undefined;

/**
 * Each request-sending step of a grant paired with the first recorded exchange after the previous
 * one's that has its method and path: the run's own order, polls and the resource server's calls between.
 */
export function pairSteps(grant: GrantDefinition, recording: Recording) {
  const pairs: Array<{ step: StepDefinition; action: StepAction; event: RecordedExchange }> = [];
  let cursor = 0;
  grant.steps.forEach((step, index) => {
    const action = step.action(contextFor(grant, recording.origin, index));
    const path = pathOf(action);
    if (!path) return;
    const method = action.kind === 'send' ? action.request.method : 'GET';
    const pathname = new URL(path, recording.origin).pathname;
    const found = recording.events.findIndex(
      (event, at) =>
        at >= cursor && event.request.method === method && new URL(event.request.url).pathname === pathname,
    );
    if (found < 0) throw new Error(`${grant.slug}/${step.id}: no recorded ${method} ${pathname}`);
    cursor = found + 1;
    pairs.push({ step, action, event: recording.events[found]! });
  });
  return pairs;
}

/** Every disagreement between a grant's step texts and its recorded exchanges, in words. */
export function contradictions(grant: GrantDefinition, recording: Recording): string[] {
  const found: string[] = [];
  for (const { step, action, event } of pairSteps(grant, recording)) {
    const at = `${grant.slug}/${step.id}`;
    if (step.channel !== event.channel)
      found.push(`${at}: says ${step.channel} channel, sent on ${event.channel}`);
    // The lab's attacker plays the client and names itself in a header (lib/attacks/party.ts).
    const party = event.request.headers.some(
      ([name, value]) => name.toLowerCase() === PARTY_HEADER && value === ATTACKER,
    )
      ? ATTACKER
      : event.from;
    if (action.kind === 'send' && step.from !== party)
      found.push(`${at}: says sent by ${step.from}, recorded from ${party}`);
    if (step.to !== event.to) found.push(`${at}: says sent to ${step.to}, recorded to ${event.to}`);
    const addressed = event.request.headers.find(([name]) => name.toLowerCase() === 'host')?.[1];
    if (addressed && addressed !== new URL(event.request.url).host)
      found.push(`${at}: recorded at ${originOf(event.request)} with Host ${addressed}`);
    if (originOf(event.request) !== recording.origin)
      found.push(`${at}: recorded at ${originOf(event.request)}, not the public origin ${recording.origin}`);
    const preview = describeAction(action, grant, contextFor(grant, recording.origin, 0));
    const recorded = sentBy(factsOf(event.request, event));
    if (preview && preview.sender !== recorded)
      found.push(`${at}: the preview says “${preview.sender}”, the exchange shows “${recorded}”`);
    if (preview && new URL(preview.url).origin !== originOf(event.request))
      found.push(
        `${at}: the preview shows ${new URL(preview.url).origin}, the exchange ${originOf(event.request)}`,
      );
    if (action.kind === 'send')
      for (const claim of claimsOf(step))
        if (!claim.holds(event)) found.push(`${at}: “${claim.says}” is not what the exchange shows`);
  }
  return found;
}
