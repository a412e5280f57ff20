import { beforeEach, describe, expect, it } from 'vitest';
import { PEER_HEADER } from '../http/peer-address';
import { refuseOverRegistrationLimit } from './registration-limit';

// The address is the socket's peer, which the server stamps in PEER_HEADER (TRUST_PROXY unset).
const register = (address: string, path = '/oidc/reg', method = 'POST') =>
  new Request(`http://localhost${path}`, { method, headers: { [PEER_HEADER]: address } });

describe('dynamic client registration limit', () => {
  beforeEach(() => {
    globalThis.playgroundClientRegistrationLimit = undefined;
  });

  it('lets an address register `limit` clients, then answers 429 with Retry-After', async () => {
    expect(await refuseOverRegistrationLimit(register('10.0.0.1'), '/oidc/reg', 2)).toBeUndefined();
    expect(await refuseOverRegistrationLimit(register('10.0.0.1'), '/oidc/reg', 2)).toBeUndefined();
    const refused = await refuseOverRegistrationLimit(register('10.0.0.1'), '/oidc/reg', 2);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused?.json()).toEqual({
      error: 'too_many_requests',
      error_description: expect.stringContaining('Too many clients registered from your address'),
    });
  });

  it('counts each address on its own', async () => {
    await refuseOverRegistrationLimit(register('10.0.0.1'), '/oidc/reg', 1);
    expect(await refuseOverRegistrationLimit(register('10.0.0.2'), '/oidc/reg', 1)).toBeUndefined();
  });

  it('counts only registrations: reading a client or any other endpoint is not limited', async () => {
    await refuseOverRegistrationLimit(register('10.0.0.1'), '/oidc/reg', 1);
    expect(
      await refuseOverRegistrationLimit(register('10.0.0.1', '/oidc/reg/abc', 'GET'), '/oidc/reg', 1),
    ).toBeUndefined();
    expect(
      await refuseOverRegistrationLimit(register('10.0.0.1', '/oidc/token'), '/oidc/reg', 1),
    ).toBeUndefined();
  });
});
