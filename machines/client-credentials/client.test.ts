import { describe, expect, it } from 'vitest';
import { demoClients } from '../../lib/oidc/clients';
import { service, SERVICE_SCOPE } from './client';
import { clientCredentials } from './steps';

describe('the client credentials demo service', () => {
  it('is registered for exactly the scopes its walkthrough asks for, so the token and the app record agree', () => {
    const registered = demoClients('http://localhost:3000').find(
      (client) => client.client_id === service.client_id,
    );
    expect(registered?.scope).toBe(SERVICE_SCOPE);
    expect(clientCredentials.defaults.scope).toBe(SERVICE_SCOPE);
  });
});
