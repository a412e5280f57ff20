import { grantClients } from '@/lib/oidc/clients';
import type { DemoClient } from '@/lib/oidc/demo-client';
import { ComposerForm, type ComposerClient } from './composer-form';

/** How a demo client authenticates at the token endpoint, as the README's table of demo clients says it. */
const authenticationOf = (client: DemoClient) =>
  client.authentication ?? (client.type === 'confidential' ? 'client_secret_basic' : 'public');

/** "Send your own request", offering the demo clients the grants declare (their ids, never a secret). */
export function RequestComposer() {
  const clients: ComposerClient[] = grantClients().map((client) => ({
    client_id: client.client_id,
    authentication: authenticationOf(client),
  }));
  return <ComposerForm clients={clients} />;
}
