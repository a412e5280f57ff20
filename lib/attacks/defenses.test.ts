import { describe, expect, it } from 'vitest';
import type { WalkthroughContext } from '../walkthrough/types';
import {
  defensesFromLink,
  defensesOnForLink,
  restartWithSameDefenses,
  startingValues,
  stoppedNotice,
  switchesOf,
} from './defenses';
import type { Defense } from './types';

const rfc = { label: 'RFC 9700', href: 'https://www.rfc-editor.org/rfc/rfc9700' };
let made = 0;
const defenses: Defense[] = [
  { param: 'defense_a', label: 'Defense: a', does: 'a', rfc },
  {
    param: 'defense_state',
    label: 'Defense: state parameter',
    does: 'b',
    rfc,
    alsoSets: (on) => ({ state: on ? `fresh-${++made}` : '' }),
  },
];
const attack = { defenses };

describe('the defenses of a run', () => {
  it('reads each switch, off when the run does not name it', () => {
    expect(switchesOf(attack, { defense_state: 'on', other: 'x' })).toEqual({
      defense_a: 'off',
      defense_state: 'on',
    });
  });

  it('starts a run with each switch and what a defense also sets, fresh each time', () => {
    const first = startingValues(attack, { defense_a: 'on', defense_state: 'on' });
    const second = startingValues(attack, { defense_a: 'on', defense_state: 'on' });
    expect(first).toMatchObject({
      defense_a: 'on',
      defense_state: 'on',
      state: expect.stringMatching(/^fresh-/),
    });
    expect(second.state).not.toBe(first.state);
    expect(startingValues(attack, { defense_a: 'off', defense_state: 'off' })).toEqual({
      defense_a: 'off',
      defense_state: 'off',
      state: '',
    });
  });

  it('keeps the learner’s defenses when the run restarts', () => {
    const context = {
      params: { defense_a: 'on', defense_state: 'off', state: '' },
    } as unknown as WalkthroughContext;
    expect(restartWithSameDefenses(attack, context)).toEqual({
      defense_a: 'on',
      defense_state: 'off',
      state: '',
    });
  });

  it('tells auto-play that a refusal which blocked the attack is the defense working', () => {
    expect(
      stoppedNotice(
        {
          outcome: 'blocked',
          by: 'the client (state bound to the browser session)',
          error: { error: 'state_mismatch' },
        },
        3,
      ),
    ).toBe(
      'Stopped at step 3: the client (state bound to the browser session) refused, as the defense should. The outcome says how.',
    );
    expect(stoppedNotice(undefined, 3)).toBeUndefined();
    expect(stoppedNotice({ outcome: 'succeeded', proof: 'p' }, 3)).toBeUndefined();
  });

  it('links to a step with the defenses that are on, and a link turns on only what says on', () => {
    const context = { params: { defense_a: 'on', defense_state: 'off' } } as unknown as WalkthroughContext;
    expect(defensesOnForLink(attack, context)).toEqual({ defense_a: 'on' });
    expect(defensesFromLink(attack, { defense_a: 'on', defense_state: 'yes' })).toEqual({
      defense_a: 'on',
      defense_state: 'off',
      state: '',
    });
    expect(defensesFromLink(attack, { defense_state: 'on' })).toMatchObject({
      defense_a: 'off',
      defense_state: 'on',
      state: expect.stringMatching(/^fresh-/),
    });
  });
});
