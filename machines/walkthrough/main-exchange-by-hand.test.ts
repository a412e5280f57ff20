import { describe, expect, it } from 'vitest';
import { exchange } from '../../lib/diagram/exchanges.testing';
import { mainExchangeSeq } from '../../lib/diagram/main-exchange';
import type { AttackScenario } from '../../lib/attacks/types';
import type { TraceEvent } from '../../lib/trace/types';
import type { StepAction, WalkthroughContext } from '../../lib/walkthrough/types';
import { attackBySlug } from '../attacks/registry';
import { contextFor } from './statements';

// An attack stepped by hand (e2e/attacks-main-exchange.spec.ts): after each "Next step", the step in view
// keeps its own message highlighted, or the previous step's until it sends, never an older one.

// The test exchanges live at http://localhost:3000 (lib/diagram/exchanges.testing.ts).
const origin = 'http://localhost:3000';

const scenario = (slug: string) => attackBySlug(slug)!;

/** Each step's action, in a run with the given defenses and values. */
function actionsOf(attack: AttackScenario, extra: Partial<WalkthroughContext> = {}): StepAction[] {
  return attack.steps.map((step, index) => {
    const context = contextFor(attack, origin, index);
    return step.action({ ...context, ...extra, params: { ...context.params, ...extra.params } });
  });
}

/** The exchanges numbered in order, as recorded (the page hands the diagram's step logic these, unassigned). */
const run = (events: TraceEvent[]) => events.map((event, index) => ({ ...event, seq: index + 1 }));

const redirect = (to: string) => ({ status: 303, headers: [['location', to]] as [string, string][] });
/** A request the attacker's (or the lab client's) server sends itself and the 303 it gets back. */
const serverSideTrip = (method: string, url: string, location: string) =>
  exchange(0, 'client', 'authorization-server', { method, url }, redirect(location));

describe('a code injection: the attacker’s own trip is not the lure’s', () => {
  const attack = scenario('csrf-missing-state');
  const [code, lure] = actionsOf(attack);
  const attackersTrip = [
    serverSideTrip('GET', '/oidc/auth?client_id=x', '/interaction/i'),
    serverSideTrip('POST', '/interaction/i/login', '/oidc/auth/i'),
    serverSideTrip('GET', '/oidc/auth/i', `${origin}/callback?code=bob`),
  ];

  it('leaves the attacker’s code request in view until the lure is taken, not the end of its own sign-in', () => {
    const events = run(attackersTrip);
    expect(mainExchangeSeq([code!], { action: lure!, taken: false }, events, origin)).toBe(1);
  });

  it('once taken, the lure is the visit to the attacker’s page', () => {
    const visit = exchange(
      0,
      'resource-owner',
      'client',
      { method: 'GET', url: '/api/attacker/forged-callback' },
      redirect('/callback?code=bob'),
    );
    const events = run([...attackersTrip, visit]);
    expect(mainExchangeSeq([code!], { action: lure!, taken: true }, events, origin)).toBe(4);
  });
});

describe('a past step whose own request is not recorded', () => {
  it('a lab wrapper in front of the token endpoint: the step is what the endpoint received, after the next step too', () => {
    const attack = scenario('pkce-downgrade');
    const actions = actionsOf(attack);
    const events = run([
      serverSideTrip('GET', '/oidc/auth?client_id=x', '/interaction/i'),
      serverSideTrip('GET', '/oidc/auth/i', `${origin}/callback?code=bob`),
      exchange(
        0,
        'resource-owner',
        'client',
        { method: 'GET', url: '/api/attacker/forged-callback' },
        redirect('/callback?code=bob'),
      ),
      // What the wrapper forwarded: the step's preview names the wrapper, the log what oidc-provider received.
      exchange(0, 'client', 'authorization-server', { method: 'POST', url: '/oidc/token' }, { status: 200 }),
      exchange(0, 'client', 'authorization-server', { method: 'GET', url: '/oidc/jwks' }, { status: 200 }),
    ]);
    const redeem = attack.steps.findIndex((step) => step.id === 'redeem');
    expect(actions[redeem]!.kind === 'send' && actions[redeem]!.request.path).not.toBe('/oidc/token');
    const next = { action: actions[redeem + 1]!, taken: false };
    expect(mainExchangeSeq(actions.slice(0, redeem + 1), next, events, origin)).toBe(4);
  });

  it('a step that sent nothing (the attacker held nothing) leaves nothing in view, not an older step’s message', () => {
    const attack = scenario('refresh-token-replay');
    const actions = actionsOf(attack, { params: { defense_rotation: 'on' } });
    const events = run([
      exchange(0, 'client', 'authorization-server', { method: 'POST', url: '/oidc/token' }, { status: 200 }),
      exchange(0, 'client', 'client', { method: 'POST', url: '/api/attacker/loot' }, { status: 201 }),
      exchange(0, 'client', 'authorization-server', { method: 'POST', url: '/oidc/token' }, { status: 200 }),
      exchange(0, 'client', 'authorization-server', { method: 'POST', url: '/oidc/token' }, { status: 400 }),
    ]);
    const api = attack.steps.findIndex((step) => step.id === 'attacker-api');
    const next = { action: actions[api + 1]!, taken: false };
    expect(mainExchangeSeq(actions.slice(0, api + 1), next, events, origin)).toBeUndefined();
  });
});

it('with the code flow the implicit app still forwards alice to the attacker’s page: that visit is the step’s message', () => {
  const attack = scenario('implicit-token-leak');
  const [signIn, forward] = actionsOf(attack, { params: { defense_code_flow: 'on' } });
  const events = run([
    exchange(
      0,
      'resource-owner',
      'client',
      { method: 'GET', url: '/attacks/implicit-app/sign-in' },
      redirect('/oidc/auth'),
    ),
    exchange(
      0,
      'resource-owner',
      'authorization-server',
      { method: 'GET', url: '/oidc/auth/i' },
      redirect(`${origin}/attacks/implicit-app/callback?code=c`),
    ),
    exchange(
      0,
      'resource-owner',
      'client',
      { method: 'GET', url: '/attacks/implicit-app/callback?code=c' },
      redirect('/attacks/attacker/token-catcher'),
    ),
    // The page finds no token in the fragment and posts nothing to the attacker's server.
    exchange(
      0,
      'resource-owner',
      'client',
      { method: 'GET', url: '/attacks/attacker/token-catcher' },
      { status: 200 },
    ),
  ]);
  expect(mainExchangeSeq([signIn!], { action: forward!, taken: true }, events, origin)).toBe(4);
});

describe('DPoP’s nonce step, once answered, is still the request it sent', () => {
  const attack = scenario('bearer-token-replay');
  const at = attack.steps.findIndex((step) => step.id === 'token-request-with-nonce');
  const answered = { values: { dpop_nonce: 'n' }, tokens: { access_token: 't', token_type: 'DPoP' } };

  it('its history entry (the bound token obtained) reads as the token request, not a skip', () => {
    expect(actionsOf(attack, answered)[at]!.kind).toBe('send');
    // Without the defense no nonce was asked for: the step sends nothing.
    expect(actionsOf(attack, { tokens: { access_token: 't' } })[at]!.kind).toBe('skip');
  });

  it('so the step after it keeps the bound token’s exchange in view, not the use_dpop_nonce refusal', () => {
    const actions = actionsOf(attack, answered);
    const events = run([
      exchange(
        0,
        'resource-owner',
        'authorization-server',
        { method: 'GET', url: '/oidc/auth/i' },
        redirect(`${origin}/callback?code=c`),
      ),
      exchange(0, 'client', 'authorization-server', { method: 'POST', url: '/oidc/token' }, { status: 400 }),
      exchange(0, 'client', 'authorization-server', { method: 'POST', url: '/oidc/token' }, { status: 200 }),
    ]);
    const next = { action: actions[at + 1]!, taken: false };
    expect(mainExchangeSeq(actions.slice(0, at + 1), next, events, origin)).toBe(3);
  });
});
