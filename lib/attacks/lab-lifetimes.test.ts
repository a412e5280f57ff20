import { describe, expect, it } from 'vitest';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { TTL } from '../oidc/configuration';
import { authorizationServerPerFile } from '../testing/authorization-server';
import { SERVER_COMPOSITION } from '../../app/composition';
import {
  WEAK_CLIENT_RECORD_TTL as LAB_RECORD_TTL,
  weakClientRecordLifetimes,
} from '../oidc/weak-client-lifetimes';
import { ATTACKER, PARTY_HEADER } from './party';

const testServer = authorizationServerPerFile();

async function storedGrantLifetime(clientId: string): Promise<number> {
  const { provider } = testServer();
  const id = await new provider.Grant({ accountId: 'bob', clientId }).save();
  const stored = await provider.Grant.find(id);
  return stored!.exp! - stored!.iat!;
}

describe('the attack lab’s records live hours, not the walkthroughs’ 14 days', () => {
  it('stores a lab client’s grant for two hours', async () => {
    expect(await storedGrantLifetime(SERVER_COMPOSITION.weakClients[0]!.client_id)).toBe(LAB_RECORD_TTL);
    expect(LAB_RECORD_TTL).toBe(2 * 60 * 60);
  });

  it('keeps a demo client’s grant for 14 days', async () => {
    expect(await storedGrantLifetime('playground-web')).toBe(TTL.Grant);
  });

  it('gives a lab client’s refresh token two hours and the attacker’s sign-in session as long', () => {
    const lifetimes = weakClientRecordLifetimes(TTL);
    const labClient = { clientId: SERVER_COMPOSITION.weakClients[0]!.client_id };
    expect(lifetimes.RefreshToken(undefined, labClient)).toBe(LAB_RECORD_TTL);
    expect(lifetimes.RefreshToken(undefined, { clientId: 'playground-web' })).toBe(TTL.RefreshToken);
    const from = (party?: string) =>
      ({ get: (name: string) => (name === PARTY_HEADER ? (party ?? '') : '') }) as KoaContextWithOIDC;
    expect(lifetimes.Session(from(ATTACKER))).toBe(LAB_RECORD_TTL);
    expect(lifetimes.Session(from())).toBe(TTL.Session);
  });
});
