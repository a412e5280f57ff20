import { describe, expect, it } from 'vitest';
import { CHALLENGES, challengeBySlug } from './registry';
import { challengeText } from './text';
import replayedText from './replayed-code/text.json';
import { evidenceOf } from './testing';

describe('the challenges’ registry', () => {
  it('has one challenge per slug, each found by it', () => {
    const slugs = CHALLENGES.map((challenge) => challenge.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const challenge of CHALLENGES) expect(challengeBySlug(challenge.slug)).toBe(challenge);
    expect(challengeBySlug('constructor')).toBeUndefined();
  });

  it.each(CHALLENGES.map((challenge) => [challenge.slug, challenge] as const))(
    '%s: a goal in one sentence, why with an RFC link, tools, three hints and a way to be shown',
    (_slug, challenge) => {
      expect(challenge.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(challenge.goal.trim().split(/(?<=\.)\s+/)).toHaveLength(1);
      expect(challenge.why.rfc.href).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+$/);
      expect(challenge.why.rfc.label).toMatch(/^RFC \d+ §[\d.]+$/);
      expect(challenge.tools.length).toBeGreaterThan(0);
      expect(new Set(challenge.hints).size).toBe(3);
      expect(challenge.showMe.href).toMatch(/^\/(grants|attacks)\/[a-z0-9-]+$/);
    },
  );

  it.each(CHALLENGES.map((challenge) => [challenge.slug, challenge] as const))(
    '%s: an empty trace is not solved, and says what is missing',
    async (_slug, challenge) => {
      const verdict = await challenge.grade(evidenceOf([]));
      expect(verdict.solved).toBe(false);
      expect(verdict).toMatchObject({ missing: expect.stringMatching(/\S/) });
    },
  );

  it('refuses a challenge’s text that lacks a hint or links an RFC badly, as it loads', () => {
    expect(() => challengeText({ ...replayedText, hints: replayedText.hints.slice(0, 2) })).toThrow();
    expect(() =>
      challengeText({
        ...replayedText,
        why: { ...replayedText.why, rfc: { label: 'RFC 6749', href: 'http://example.com' } },
      }),
    ).toThrow();
    expect(challengeText(replayedText).slug).toBe('replayed-code');
  });
});

describe('a challenge’s workspace', () => {
  it('is the attacker’s tools or none: another is refused as the text loads', () => {
    expect(challengeText({ ...replayedText, workspace: 'attacker' }).workspace).toBe('attacker');
    expect(() => challengeText({ ...replayedText, workspace: 'browser' })).toThrow();
  });
});
