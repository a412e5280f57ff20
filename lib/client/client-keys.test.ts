import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../storage/sqlite';
import { clientPrivateKey, publicJwk, signingClientsPublicJwks } from './client-keys';

const CLIENT_ID = 'playground-private-key-jwt';

describe('the key pairs of the clients that sign their own assertions', () => {
  it('are made once per storage and read back the same, so every instance and restart signs alike', async () => {
    const storage = openSqliteStorage(':memory:');
    const first = await clientPrivateKey(storage, CLIENT_ID);
    expect(await clientPrivateKey(storage, CLIENT_ID)).toEqual(first);
    expect(first).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect((await clientPrivateKey(openSqliteStorage(':memory:'), CLIENT_ID)).kid).not.toBe(first.kid);
  });

  it('give the authorization server the public half only', async () => {
    const storage = openSqliteStorage(':memory:');
    const jwks = await signingClientsPublicJwks(storage);
    const key = await clientPrivateKey(storage, CLIENT_ID);
    expect(jwks).toEqual({ [CLIENT_ID]: { keys: [publicJwk(key)] } });
    expect(jwks[CLIENT_ID]!.keys[0]).not.toHaveProperty('d');
  });

  it('stop with the setting’s name when the storage keeps something else than such a key there', async () => {
    for (const keptThere of [
      '{"kty":"EC"',
      '{"kty":"RSA","n":"x","e":"AQAB","d":"y","kid":"k","alg":"RS256","use":"sig"}',
    ]) {
      const storage = openSqliteStorage(':memory:');
      await storage.settingOrDefault(`client-key:${CLIENT_ID}`, keptThere);
      await expect(clientPrivateKey(storage, CLIENT_ID)).rejects.toThrow(`"client-key:${CLIENT_ID}"`);
    }
  });
});
