import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../storage/sqlite';
import { loadProviderKeys } from './keys';

describe('provider keys', () => {
  it('generates RS256 and ES256 private keys with unique kids on first start', async () => {
    const { jwks, cookieKeys } = await loadProviderKeys(openSqliteStorage(':memory:'), {});
    expect(jwks.keys.map((key) => key.alg)).toEqual(['RS256', 'ES256']);
    expect(new Set(jwks.keys.map((key) => key.kid)).size).toBe(2);
    expect(jwks.keys.every((key) => typeof key.d === 'string')).toBe(true);
    expect(cookieKeys).toHaveLength(1);
  });

  it('answers the same keys on the next start with the same storage', async () => {
    const storage = openSqliteStorage(':memory:');
    const first = await loadProviderKeys(storage, {});
    const second = await loadProviderKeys(storage, {});
    expect(second).toEqual(first);
  });

  it('prefers OIDC_JWKS and COOKIE_KEYS from the environment', async () => {
    const generated = await loadProviderKeys(openSqliteStorage(':memory:'), {});
    const fromEnv = await loadProviderKeys(openSqliteStorage(':memory:'), {
      oidcJwks: JSON.stringify(generated.jwks),
      cookieKeys: ['one', 'two'],
    });
    expect(fromEnv.jwks).toEqual(generated.jwks);
    expect(fromEnv.cookieKeys).toEqual(['one', 'two']);
  });

  it('rejects an OIDC_JWKS that is not a JWK Set, saying what is expected', async () => {
    await expect(loadProviderKeys(openSqliteStorage(':memory:'), { oidcJwks: '[1,2' })).rejects.toThrow(
      /OIDC_JWKS is not valid JSON/,
    );
    await expect(
      loadProviderKeys(openSqliteStorage(':memory:'), { oidcJwks: '{"keys":[]}' }),
    ).rejects.toThrow(/at least one private key/);
  });

  it('stops with the setting named when the kept keys are not what it keeps', async () => {
    const storage = openSqliteStorage(':memory:');
    await storage.settingOrDefault('jwks', '{"keys":"none"}');
    await expect(loadProviderKeys(storage, {})).rejects.toThrow(/setting "jwks"/);
    const cookies = openSqliteStorage(':memory:');
    await cookies.settingOrDefault('cookie-keys', '[1]');
    await expect(loadProviderKeys(cookies, {})).rejects.toThrow(/setting "cookie-keys"/);
  });

  it('rejects an OIDC_JWKS whose keys have no key type', async () => {
    await expect(
      loadProviderKeys(openSqliteStorage(':memory:'), { oidcJwks: '{"keys":[{"d":"x"}]}' }),
    ).rejects.toThrow(/at least one private key/);
  });
});
