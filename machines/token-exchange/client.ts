import { callbackUrl, type DemoClient } from '../../lib/oidc/demo-client';
import { TOKEN_EXCHANGE_GRANT_TYPE } from '../../lib/oidc/grants/token-exchange-names';
import { ASSISTANT } from '../../lib/oidc/resource-server';

/** The chat app alice talks to the assistant in: public, code with PKCE, asks for a token for the assistant. */
export const assistantApp: DemoClient = {
  client_id: ASSISTANT.appClientId,
  type: 'public',
  metadata: (origin) => ({
    client_name: 'Playground Assistant Chat (public, PKCE)',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [callbackUrl(origin)],
  }),
};

/**
 * The assistant: an agent with a backend of its own (confidential). It may get its own token (client
 * credentials, its actor token) and exchange a user's token issued for it (RFC 8693).
 */
export const assistant: DemoClient = {
  client_id: ASSISTANT.clientId,
  type: 'confidential',
  metadata: () => ({
    client_name: 'Playground Assistant (an agent acting for users)',
    grant_types: ['client_credentials', TOKEN_EXCHANGE_GRANT_TYPE],
    response_types: [],
    redirect_uris: [],
  }),
};
