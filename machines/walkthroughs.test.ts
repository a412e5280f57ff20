import { describe, expect, it } from 'vitest';
import { isRegisteredGrant } from '../lib/grants/catalogue';
import { ATTACKS } from './attacks/registry';
import { mastodon, mastodonOob } from './mastodon/steps';
import { GRANTS } from './registry';
import {
  loadableSlugs,
  loadAnyWalkthrough,
  loadAttackWalkthrough,
  loadGrantWalkthrough,
} from './walkthroughs';

describe('walkthroughs loaded one at a time', () => {
  it('lists every registered grant and scenario, in the registries’ order', () => {
    expect(loadableSlugs.grants).toEqual(GRANTS.map((grant) => grant.slug));
    expect(loadableSlugs.attacks).toEqual(ATTACKS.map((attack) => attack.slug));
  });

  it('loads the very definition the registry holds, with its machine', async () => {
    for (const grant of GRANTS) {
      const loaded = await loadGrantWalkthrough(grant.slug);
      expect(loaded?.grant).toBe(grant);
      expect(loaded?.machine.id).toBe(`walkthrough-${grant.slug}`);
    }
    for (const attack of ATTACKS) expect((await loadAttackWalkthrough(attack.slug))?.grant).toBe(attack);
  });

  it('builds one machine per walkthrough, however often a page asks', async () => {
    const first = await loadGrantWalkthrough('device-code');
    expect(await loadGrantWalkthrough('device-code')).toBe(first);
  });

  it('keeps grants and scenarios apart, and finds either for a room', async () => {
    expect(await loadGrantWalkthrough('mix-up')).toBeUndefined();
    expect(await loadAttackWalkthrough('implicit')).toBeUndefined();
    expect((await loadAnyWalkthrough('mix-up'))?.grant.name).toBe(
      ATTACKS.find((a) => a.slug === 'mix-up')!.name,
    );
    expect((await loadAnyWalkthrough('implicit'))?.grant.slug).toBe('implicit');
    expect(await loadAnyWalkthrough('constructor')).toBeUndefined();
  });

  it('tells a registered grant from a scenario or the Mastodon flow by its definition alone', () => {
    expect(GRANTS.every(isRegisteredGrant)).toBe(true);
    expect(ATTACKS.some(isRegisteredGrant)).toBe(false);
    expect([mastodon, mastodonOob].some(isRegisteredGrant)).toBe(false);
  });
});
