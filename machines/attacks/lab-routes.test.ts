import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACKS } from './registry';
import { LAB_ROUTES } from './lab-routes';

/**
 * Whether the playground serves a path: the lab's table for its routes; a well-known document (RFC 8414
 * §3, the mix-up attacker's metadata) has its own route file where the discovery path puts it.
 */
const served = (route: string) =>
  route.startsWith('/.well-known/')
    ? fs.existsSync(path.join(import.meta.dirname, '../../app', route, 'route.ts'))
    : Object.hasOwn(LAB_ROUTES, new URL(route, 'http://localhost').pathname);

describe('the attack lab’s routes', () => {
  it('serves every path a scenario sends to or hands off at', () => {
    const named = ATTACKS.flatMap((attack) => [
      ...(attack.vulnerableRoutes ?? []),
      ...('receivedAt' in attack.handOff ? [attack.handOff.receivedAt] : []),
    ]);
    expect(named.length).toBeGreaterThan(ATTACKS.length);
    expect(named.filter((route) => !served(route))).toEqual([]);
    expect(served('/api/attacker/no-such-route')).toBe(false);
  });

  it('lives under the two prefixes its catch-all routes serve', () => {
    expect(
      Object.keys(LAB_ROUTES).filter(
        (route) => !/^\/api\/attacker\/.+/.test(route) && !/^\/attacks\/[^/]+\/.+/.test(route),
      ),
    ).toEqual([]);
  });
});
