import { createActor, SimulatedClock, waitFor } from 'xstate';
import { sendWith, type WalkthroughMachine } from './create-walkthrough-machine';
import type { ExchangeResult, GrantDefinition, StepAction } from '../../lib/walkthrough/types';

export const ORIGIN = 'http://localhost:3000';
export const SECRETS = {
  state: 'state-123',
  nonce: 'nonce-456',
  code_verifier: 'verifier-789',
  code_challenge: 'challenge-abc',
};

export type SentRequest = Extract<StepAction, { kind: 'send' }>;

/**
 * Runs a walkthrough machine with its I/O faked: `respond` answers each request the machine sends,
 * and navigations are recorded instead of leaving the page. A simulated clock drives polling.
 */
export function runWalkthrough(
  machine: WalkthroughMachine,
  grant: GrantDefinition,
  respond: (action: SentRequest) => ExchangeResult | Promise<ExchangeResult>,
  secrets: Record<string, string> = SECRETS,
) {
  // The machine carries its grant; a test names it too, and must name the same one.
  if (machine.id !== `walkthrough-${grant.slug}`)
    throw new Error(`${machine.id} is not ${grant.slug}'s machine`);
  const sent: SentRequest[] = [];
  const navigations: string[] = [];
  const clock = new SimulatedClock();
  const actor = createActor(
    machine.provide({
      actors: {
        send: sendWith(async (input) => {
          sent.push(input.action);
          return respond(input.action);
        }),
      },
      actions: { navigate: (_, params: { path: string }) => void navigations.push(params.path) },
    }),
    { input: { origin: ORIGIN, startSeq: 7, secrets, runId: 'run-test-1' }, clock },
  ).start();
  const settle = () =>
    waitFor(
      actor,
      (snapshot) =>
        !snapshot.hasTag('busy') || snapshot.hasTag('front-channel') || snapshot.hasTag('polling'),
    );
  return {
    actor,
    sent,
    navigations,
    clock,
    async next() {
      actor.send({ type: 'NEXT' });
      return settle();
    },
    settle,
  };
}

export const json = (status: number, body: unknown): ExchangeResult => ({
  status,
  headers: { 'content-type': 'application/json' },
  body,
});

export const tokenResponse = (extra: Record<string, unknown> = {}) =>
  json(200, { access_token: 'at-1', token_type: 'Bearer', expires_in: 3600, scope: 'openid', ...extra });

/** An unsigned JWT with the given payload, enough for the client's nonce check. */
export const fakeJwt = (payload: Record<string, unknown>) =>
  `${btoa('{"alg":"none"}')}.${btoa(JSON.stringify(payload)).replace(/=+$/, '')}.sig`;

/** A three-step grant for the engine's own tests: authorize (front), callback, token (back). */
export const TEST_GRANT: GrantDefinition = {
  slug: 'test-grant',
  name: 'Test grant',
  clientId: 'test',
  clientType: 'public',
  summary: 'test',
  defaults: { scope: 'openid', state: '', nonce: '' },
  secrets: async () => SECRETS,
  steps: [
    {
      id: 'authorize',
      title: 'Authorize',
      explanation: '',
      rfc: { label: '', href: '' },
      from: 'client',
      to: 'authorization-server',
      channel: 'front',
      action: ({ params }) => ({
        kind: 'navigate',
        path: `/oidc/auth?state=${params.state}&scope=${params.scope}`,
      }),
    },
    {
      id: 'callback',
      title: 'Callback',
      explanation: '',
      rfc: { label: '', href: '' },
      from: 'authorization-server',
      to: 'client',
      channel: 'front',
      action: () => ({ kind: 'callback' }),
    },
    {
      id: 'token',
      title: 'Token',
      explanation: '',
      rfc: { label: '', href: '' },
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: ({ values }) => ({
        kind: 'send',
        via: 'browser',
        request: { method: 'POST', path: '/oidc/token', form: { code: values.code ?? '' } },
      }),
    },
  ],
};
