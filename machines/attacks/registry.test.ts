import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttackScenario } from '../../lib/attacks/types';
import { ROOT, packagesLoadedBy } from '../../lib/testing/imports';
import { ATTACKS, attackBySlug } from './registry';

/** What is wrong with the lab's scenarios, in words. */
function problemsOf(attacks: readonly AttackScenario[]): string[] {
  const problems: string[] = [];
  const slugs = new Set<string>();
  for (const attack of attacks) {
    if (slugs.has(attack.slug)) problems.push(`${attack.slug} is listed twice`);
    slugs.add(attack.slug);
    if (!attack.defenses.length) problems.push(`${attack.slug}: has no defense`);
    for (const defense of attack.defenses) {
      if (!defense.label.startsWith('Defense: '))
        problems.push(`${attack.slug}: “${defense.label}” is not named “Defense: …”`);
      if (attack.defaults[defense.param] !== 'off')
        problems.push(`${attack.slug}: ${defense.param} does not start off`);
    }
    if (!attack.clients.some((client) => client.weaknesses) && !attack.vulnerableRoutes?.length)
      problems.push(`${attack.slug}: nothing deliberately vulnerable to attack`);
    if (!attack.roles?.some((role) => role.id === 'attacker'))
      problems.push(`${attack.slug}: no Attacker on the diagram`);
    if (!attack.incident.href.startsWith('https://'))
      problems.push(`${attack.slug}: its incident has no link`);
  }
  return problems;
}

describe('the attack registry', () => {
  it('gives every scenario its own slug, defenses named “Defense: …” that start off, a weak client and the Attacker', () => {
    expect(problemsOf(ATTACKS)).toEqual([]);
  });

  it('would catch a slug listed twice, a misnamed defense on by default, and no weak client', () => {
    const [first] = ATTACKS as [AttackScenario];
    const broken: AttackScenario = {
      ...first,
      defenses: [{ ...first.defenses[0]!, label: 'Rotation' }],
      defaults: { [first.defenses[0]!.param]: 'on' },
      clients: first.clients.map((client) => ({ ...client, weaknesses: undefined })),
    };
    expect(problemsOf([first, broken])).toEqual([
      `${broken.slug} is listed twice`,
      `${broken.slug}: “Rotation” is not named “Defense: …”`,
      `${broken.slug}: ${first.defenses[0]!.param} does not start off`,
      `${broken.slug}: nothing deliberately vulnerable to attack`,
    ]);
  });

  it('finds a scenario by its slug, and nothing for an unknown one', () => {
    expect(attackBySlug('refresh-token-replay')?.name).toBe('Refresh token replay');
    expect(attackBySlug('no-such-attack')).toBeUndefined();
  });

  // The README's table of scenarios is the contract: every one of them runs, in its order.
  it('runs every scenario of the README’s table, in its order', () => {
    expect(ATTACKS.map((attack) => attack.slug)).toEqual([
      'csrf-missing-state',
      'authorization-code-interception',
      'pkce-downgrade',
      'redirect-uri-manipulation',
      'refresh-token-replay',
      'mix-up',
      'implicit-token-leak',
      'jwt-algorithm-confusion',
      'bearer-token-replay',
    ]);
  });

  // The authorization server registers the lab's clients from it: it must stay data.
  it('loads no XState and no React', () => {
    const loaded = packagesLoadedBy(path.join(ROOT, 'machines/attacks/registry.ts'));
    expect([...loaded].filter((name) => /^(xstate|@xstate\/|react)/.test(name))).toEqual([]);
  });
});
