import { describe, expect, it } from 'vitest';
import { ATTACKER, isAttackersPath } from '../../lib/attacks/party';
import { exchange } from '../../lib/diagram/exchanges.testing';
import { deriveHops } from '../../lib/diagram/hops';
import { assignParties } from '../../lib/diagram/roles';
import type { AttackScenario } from '../../lib/attacks/types';
import type { Role } from '../../lib/trace/types';
import type { WalkthroughContext } from '../../lib/walkthrough/types';
import { ORIGIN } from '../walkthrough/testing';
import { recordedAsOf } from '../../lib/attacks/received';
import { LAB_ROUTES } from './lab-routes';
import { ATTACKS } from './registry';

// A run in the middle: alice's code and tokens are there to be stolen.
const midRun = (attack: AttackScenario): WalkthroughContext => ({
  slug: attack.slug,
  origin: ORIGIN,
  stepIndex: 0,
  params: { ...attack.defaults },
  values: { code: 'alices-code', state: 'state-1', code_verifier: 'verifier-1' },
  tokens: { access_token: 'alices-at', refresh_token: 'alices-rt' },
  polls: [],
  startSeq: 0,
  runId: 'run-test-1',
});

/** The lab's handler for a path and method, as the catch-all routes dispatch to it (lab-routes.ts). */
const labRoute = (receivedAt: string, method: string) =>
  method === 'GET' || method === 'POST' ? LAB_ROUTES[receivedAt]?.[method] : undefined;

/** The role the route records the exchange as (the one the attacker's server plays for it). */
const recordedAs = (route: unknown) => recordedAsOf(route);

describe('every attack draws its hand-off to the attacker', () => {
  for (const attack of ATTACKS) {
    const { handOff } = attack;
    if ('takesNothing' in handOff) {
      it(`${attack.slug}: says why it takes nothing from the victim’s side, and no step pretends otherwise`, () => {
        expect(handOff.takesNothing.length).toBeGreaterThan(20);
        expect(attack.steps.filter((step) => step.to === 'attacker').map((step) => step.id)).toEqual([]);
      });
      continue;
    }
    it(`${attack.slug}: step “${handOff.step}” hands it over at ${handOff.receivedAt}, recorded and drawn into the Attacker`, () => {
      const step = attack.steps.find((each) => each.id === handOff.step);
      expect(step, `no step ${handOff.step}`).toBeDefined();
      expect(step!.to).toBe('attacker');
      expect(isAttackersPath(handOff.receivedAt)).toBe(true);
      // The route records what it receives (lib/attacks/received.ts): the hand-off is in the trace.
      // The step's own request is the hand-off (a callback step's is the redirect that lands there).
      const action = step!.action(midRun(attack));
      const method = action.kind === 'send' ? action.request.method : 'GET';
      // A callback's hand-off is what the page it lands on sends on (a script's POST): either method.
      const playsAs =
        action.kind === 'send'
          ? recordedAs(labRoute(handOff.receivedAt, method))
          : (recordedAs(labRoute(handOff.receivedAt, 'GET')) ??
            recordedAs(labRoute(handOff.receivedAt, 'POST')));
      expect(playsAs, `${handOff.receivedAt} is not wrapped in receivedByAttacker`).toBeDefined();
      const sent = action.kind === 'send' ? action.request : action.kind === 'navigate' ? action : undefined;
      if (sent) expect(new URL(sent.path, ORIGIN).pathname).toBe(handOff.receivedAt);
      else expect(action.kind).toBe('callback');
      // That exchange, as the recorder stores it, is an arrow into the Attacker from the party that leaks.
      const from: Role =
        step!.channel === 'front' || step!.from === 'attacker' ? 'resource-owner' : step!.from;
      const recorded = exchange(1, from, playsAs!, { method, url: handOff.receivedAt }, { status: 201 });
      const hops = deriveHops(assignParties([recorded], attack.roles));
      expect(hops.map((hop) => `${hop.from} -> ${hop.to}`)).toEqual([`${from} -> ${ATTACKER}`]);
    });
  }

  it('would catch a hand-off whose route records nothing (the lab’s control call)', () => {
    expect(labRoute('/api/attacker/call-api', 'POST')).toBeDefined();
    expect(recordedAs(labRoute('/api/attacker/call-api', 'POST'))).toBeUndefined();
  });
});
