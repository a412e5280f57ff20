import { describe, expect, it } from 'vitest';
import { GRANTS } from '../registry';

// Students following a room have no step buttons and no parameters to change: the instructor acts.
const ADDRESSED_TO_THE_DOER =
  /\b(press|click|open it|try (a|response_type|it)|name the|leave it|come back and)\b/i;

describe('what students following an instructor read', () => {
  for (const grant of GRANTS) {
    it(`${grant.name}: no step asks a follower to act`, () => {
      const asking = grant.steps
        .map((step) => ({ id: step.id, text: step.forFollowers ?? step.explanation }))
        .filter(({ text }) => ADDRESSED_TO_THE_DOER.test(text))
        .map(({ id, text }) => `${id}: ${text}`);
      expect(asking).toEqual([]);
    });
  }

  it('the device flow tells followers the instructor enters the code', () => {
    const step = GRANTS.find((grant) => grant.slug === 'device-code')!.steps[1]!;
    expect(step.explanation).toContain('press Next step');
    expect(step.forFollowers).toMatch(/^The TV shows .* The instructor opens/);
  });
});
