import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACKER } from '../../lib/attacks/party';
import { assignParties } from '../../lib/diagram/roles';
import { ATTACKS } from '../attacks/registry';
import { GRANTS } from '../registry';
import { endsTripThroughBrowser, mainExchangeSeq } from '../../lib/diagram/main-exchange';
import { supportingCallOf } from '../../lib/diagram/supporting-calls';
import type { TraceEvent } from '../../lib/trace/types';
import type { GrantDefinition, StepAction } from '../../lib/walkthrough/types';
import { exchange } from '../../lib/diagram/exchanges.testing';
import { contextFor, pairSteps, type Recording } from './statements';

// Recorded from real runs against the production build by e2e/support/record-exchanges.mjs.
const recordingOf = (slug: string) => {
  const recording = JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '..', slug, 'recorded-exchanges.json'), 'utf8'),
  ) as Recording;
  // The recorder's seq: each exchange's position in the run.
  const events = recording.events.map((event, index) => ({ ...event, seq: index + 1 }) as TraceEvent);
  return { recording, events };
};

const actionsOf = (grant: GrantDefinition, origin: string) =>
  grant.steps.map((step, index) => step.action(contextFor(grant, origin, index)));

const pathOf = (event: TraceEvent) => new URL(event.request.url).pathname;

/**
 * The run as it stood right after each step: the exchanges up to the next step's own (so a later step
 * calling the same endpoint is not there yet), and the main exchange the diagram derives for the step.
 */
function afterEachStep(grant: GrantDefinition) {
  const { recording, events } = recordingOf(grant.slug);
  const actions = actionsOf(grant, recording.origin);
  const pairs = pairSteps(grant, recording);
  const sentAt = new Map(pairs.map(({ step, event }) => [step.id, recording.events.indexOf(event)]));
  return grant.steps.map((step, index) => {
    const next = grant.steps.slice(index + 1).find((later) => sentAt.has(later.id));
    const shown = events.slice(0, next ? sentAt.get(next.id) : events.length);
    const seq = mainExchangeSeq(
      actions.slice(0, index),
      { action: actions[index]!, taken: true },
      shown,
      recording.origin,
    );
    const paired = sentAt.has(step.id) ? events[sentAt.get(step.id)!] : undefined;
    return { step, action: actions[index]!, main: shown.find((event) => event.seq === seq), paired, shown };
  });
}

describe('each step’s main exchange, over every grant’s recorded run', () => {
  for (const grant of GRANTS) {
    describe(grant.name, () => {
      const steps = afterEachStep(grant);

      it('a step that sends a request is represented by that request’s own exchange', () => {
        for (const { step, main, paired } of steps.filter(({ action }) => action.kind === 'send')) {
          expect(main, `${step.id}`).toBe(paired);
        }
      });

      it('a trip through the browser, and the callback after it, are represented by the authorization response', () => {
        for (const { step, action, main } of steps.filter(({ action }) =>
          ['navigate', 'callback'].includes(action.kind),
        )) {
          expect(main, `${step.id} (${action.kind})`).toBeDefined();
          expect(endsTripThroughBrowser(main!), `${step.id}: ${main!.request.url}`).toBe(true);
        }
      });

      it('a person’s visit elsewhere is represented by the last page they were on', () => {
        for (const { step, action, main } of steps.filter(({ action }) => action.kind === 'visit')) {
          const visited = new URL((action as Extract<StepAction, { kind: 'visit' }>).url, 'http://x')
            .pathname;
          expect(main?.channel, step.id).toBe('front');
          expect(pathOf(main!).startsWith(visited), `${step.id}: ${pathOf(main!)}`).toBe(true);
        }
      });

      it('no step is represented by a supporting call it did not send (the keys, an introspection)', () => {
        for (const { step, action, main } of steps) {
          if (!main || action.kind !== 'send') continue;
          if (supportingCallOf(main))
            expect(pathOf(main), step.id).toBe(new URL(action.request.path, 'http://x').pathname);
        }
      });
    });
  }

  it('after PKCE’s token request the main exchange is POST /oidc/token, not the JWKS fetched after it', () => {
    const step = afterEachStep(GRANTS.find((grant) => grant.slug === 'authorization-code-pkce')!).find(
      ({ step }) => step.id === 'token-request',
    )!;
    expect(pathOf(step.shown.at(-1)!)).toBe('/oidc/jwks');
    expect(`${step.main!.request.method} ${pathOf(step.main!)} ${step.main!.response.status}`).toBe(
      'POST /oidc/token 200',
    );
  });

  it('the device grant’s polling step is represented by its token request', () => {
    const steps = afterEachStep(GRANTS.find((grant) => grant.slug === 'device-code')!);
    const poll = steps.find(({ action }) => action.kind === 'send' && action.request.path === '/oidc/token')!;
    expect(pathOf(poll.main!)).toBe('/oidc/token');
  });
});

describe('a step not yet taken, or taken without an exchange of its own', () => {
  const grant = GRANTS.find((each) => each.slug === 'authorization-code-pkce')!;
  const { recording, events } = recordingOf(grant.slug);
  const actions = actionsOf(grant, recording.origin);
  const tokenAt = events.findIndex((event) => pathOf(event) === '/oidc/token');
  const upToKeys = events.slice(0, tokenAt + 2);

  it('leaves the previous step’s main exchange in view until “Next step” sends it', () => {
    expect(
      mainExchangeSeq(actions.slice(0, 3), { action: actions[3]!, taken: false }, upToKeys, recording.origin),
    ).toBe(events[tokenAt]!.seq);
  });

  it('highlights nothing rather than a supporting call when the sent step’s exchange is not recorded', () => {
    expect(
      mainExchangeSeq(actions.slice(0, 3), { action: actions[3]!, taken: true }, upToKeys, recording.origin),
    ).toBeUndefined();
  });
});

/** An exchange as a step's own action would have it recorded: its request, answered. */
function exchangeOf(action: StepAction, seq: number): TraceEvent | undefined {
  // The test exchanges live at http://localhost:3000 (lib/diagram/exchanges.testing.ts).
  const pathAndQuery = (path: string) => {
    const url = new URL(path, 'http://localhost:3000');
    return `${url.pathname}${url.search}`;
  };
  if (action.kind === 'send') {
    // An attack step is recorded as the request the attacker's server sends, not the lab's call to it.
    const sent = action.attackerSends ?? action.request;
    return exchange(
      seq,
      'client',
      'authorization-server',
      { method: sent.method, url: pathAndQuery(sent.path) },
      { status: 200 },
    );
  }
  if (action.kind === 'navigate')
    return exchange(
      seq,
      'resource-owner',
      'authorization-server',
      { method: 'GET', url: pathAndQuery(action.path) },
      { status: 303, headers: [['location', 'http://localhost:3000/callback?code=c']] },
    );
  return undefined;
}

describe('every attack scenario’s steps find their own exchange, not the keys fetched before', () => {
  const origin = 'http://localhost:3000';
  const keys = exchange(
    1,
    'client',
    'authorization-server',
    { method: 'GET', url: '/oidc/jwks' },
    { status: 200 },
  );
  for (const attack of ATTACKS) {
    it(attack.name, () => {
      const actions = actionsOf(attack, origin);
      const found: string[] = [];
      const wanted: string[] = [];
      actions.forEach((action, index) => {
        const own = exchangeOf(action, 2);
        if (!own) return;
        // The page fetched the keys after the step before: that is not this step's message.
        const seq = mainExchangeSeq([], { action, taken: true }, [keys, own], origin);
        wanted.push(`${attack.steps[index]!.id}: 2`);
        found.push(`${attack.steps[index]!.id}: ${seq}`);
      });
      expect(wanted.length).toBeGreaterThan(0);
      expect(found).toEqual(wanted);
    });
  }
});

describe('every attack’s theft step is represented by its hand-off into the Attacker', () => {
  const origin = 'http://localhost:3000';
  for (const attack of ATTACKS) {
    const { handOff } = attack;
    if ('takesNothing' in handOff) continue;
    it(`${attack.slug}: step “${handOff.step}” highlights ${handOff.receivedAt}`, () => {
      const actions = actionsOf(attack, origin);
      const at = attack.steps.findIndex((step) => step.id === handOff.step);
      const events: TraceEvent[] = [];
      const add = (event: TraceEvent | undefined) =>
        event && events.push({ ...event, seq: events.length + 1 });
      actions.slice(0, at).forEach((action) => add(exchangeOf(action, 0)));
      const theft = actions[at]!;
      // A redirect that carries the theft starts with the authorization response to the redirect URI; a
      // lure comes after the attacker's own trip through the browser, which ended the same way.
      if (theft.kind === 'callback' || theft.kind === 'navigate')
        add(
          exchange(
            0,
            'resource-owner',
            'authorization-server',
            { method: 'GET', url: '/oidc/auth/resume' },
            { status: 303, headers: [['location', `${origin}/callback?code=c`]] },
          ),
        );
      const method = theft.kind === 'send' ? (theft.attackerSends ?? theft.request).method : 'GET';
      const from = theft.kind === 'send' ? 'client' : 'resource-owner';
      add(exchange(0, from, 'client', { method, url: handOff.receivedAt }, { status: 201 }));
      // Then the page alice is sent on to, and the keys: newer, but not the theft.
      add(exchange(0, 'resource-owner', 'client', { method: 'GET', url: '/callback' }, { status: 200 }));
      add(
        exchange(0, 'client', 'authorization-server', { method: 'GET', url: '/oidc/jwks' }, { status: 200 }),
      );
      const seq = mainExchangeSeq(actions.slice(0, at), { action: theft, taken: true }, events, origin);
      const main = assignParties(events, attack.roles).find((event) => event.seq === seq);
      expect(main && `${new URL(main.request.url).pathname} -> ${main.to}`).toBe(
        `${handOff.receivedAt} -> ${ATTACKER}`,
      );
    });
  }
});
