import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT_TYPE } from '../../lib/oidc/grants/token-exchange-names';
import type { WalkthroughContext } from '../../lib/walkthrough/types';
import { expectRefusal } from '../walkthrough/builders/expect-refusal';
import { tokenRequest } from '../walkthrough/builders/token-request';
import { assistant } from './client';
import { exchangeProof } from './sender-constraint';
import { rfcSection } from '../../lib/walkthrough/rfc';

const AGENT_ID = assistant.client_id;

export const RFC_8693 = {
  request: rfcSection(8693, '2.1'),
  response: rfcSection(8693, '2.2'),
  error: rfcSection(8693, '2.2.2'),
  act: rfcSection(8693, '4.1'),
} as const;

export const EXCHANGE_SCOPE = {
  name: 'exchange_scope',
  label: 'scope (of the new token)',
  help: 'What the assistant asks for: at most what alice’s token allows (read write covers read:accounts and write:statuses).',
};

/** The token exchange request (RFC 8693 §2.1), from the assistant's backend. */
export function exchange(context: WalkthroughContext, target: Record<string, string>, scope: string) {
  return tokenRequest(
    {
      grant_type: TOKEN_EXCHANGE_GRANT_TYPE,
      subject_token: context.tokens.subject_token ?? '',
      subject_token_type: ACCESS_TOKEN_TYPE,
      actor_token: context.tokens.actor_token ?? '',
      actor_token_type: ACCESS_TOKEN_TYPE,
      ...target,
      scope,
    },
    { via: 'client-backend', clientId: AGENT_ID, ...exchangeProof(context) },
  );
}

/** A refusal the step teaches (RFC 8693 §2.2.2): 400 with the expected error is the success. */
export const refusedWith = (error: string, ifAccepted: string) =>
  expectRefusal({ status: 400, error, ifAccepted });
