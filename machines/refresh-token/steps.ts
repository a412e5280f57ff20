import { RFC } from '../walkthrough/common-steps';
import {
  demoOwner,
  passwordForm,
  refreshedTokens,
  refreshTokenForm,
  tokenRequest,
  tokenRequestStep,
} from '../walkthrough/builders/token-request';
import { expectRefusal } from '../walkthrough/builders/expect-refusal';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import type { StepDefinition } from '../../lib/walkthrough/types';
import { firstPartyApp } from '../password/client';

/** A refresh that must be refused: invalid_grant is the answer this step teaches. */
function refusedRefresh(step: {
  id: string;
  title: string;
  explanation: string;
  token: 'refresh_token' | 'rotated_refresh_token';
  ifAccepted: string;
}): StepDefinition {
  return {
    id: step.id,
    title: step.title,
    explanation: step.explanation,
    rfc: RFC.rotation,
    from: 'client',
    to: 'authorization-server',
    channel: 'back',
    action: ({ tokens }) =>
      tokenRequest(refreshTokenForm(tokens[step.token] ?? ''), { via: 'client-backend' }),
    outcome: expectRefusal({ status: 400, error: 'invalid_grant', ifAccepted: step.ifAccepted }),
  };
}

/** RFC 6749 §6 with rotation (RFC 9700 §4.14.2): each refresh token works once. */
export const refreshToken: RegisteredGrant = {
  slug: 'refresh-token',
  name: 'Refresh token',
  clientId: firstPartyApp.client_id,
  clientType: firstPartyApp.type,
  // The password walkthrough's app, shared on purpose: its password grant obtains the first tokens.
  clients: [firstPartyApp],
  summary:
    'A refresh token gets new access tokens without asking the user again. With rotation, every refresh returns a new refresh token and the old one stops working; using an old one again is taken as theft, and the whole grant is revoked.',
  catalogue: {
    rfc: 'RFC 6749 §6',
    status: 'recommended',
    useWhen: 'Renewing access without asking the user again, with rotation.',
  },
  defaults: { scope: 'openid offline_access read' },
  secrets: async () => ({}),
  steps: [
    tokenRequestStep(
      {
        id: 'obtain',
        title: 'Obtain tokens with offline_access',
        explanation:
          'Refresh tokens are issued only when the client may use the refresh_token grant and the user granted offline_access. To stay short, this walkthrough gets them with the first-party app’s password grant.',
        rfc: RFC.tokenResponse,
        params: [
          { name: 'scope', label: 'scope', help: 'Keep offline_access, or no refresh token is issued.' },
        ],
      },
      ({ params }) =>
        tokenRequest(passwordForm(demoOwner('alice'), params.scope ?? ''), { via: 'client-backend' }),
    ),
    tokenRequestStep(
      {
        id: 'refresh',
        title: 'Refresh: a new access token and a new refresh token',
        explanation:
          'The client sends grant_type=refresh_token. The server answers with a new access token and, because it rotates refresh tokens, a new refresh token: the one just used is now spent.',
        rfc: RFC.refresh,
        outcome: refreshedTokens,
      },
      ({ tokens }) => tokenRequest(refreshTokenForm(tokens.refresh_token ?? ''), { via: 'client-backend' }),
    ),
    refusedRefresh({
      id: 'reuse',
      title: 'Reuse the old refresh token: refused, and the grant revoked',
      explanation:
        'An attacker who stole the old refresh token tries it. The server sees a spent token used again, refuses with invalid_grant, and revokes every token of the grant, the new ones included.',
      token: 'rotated_refresh_token',
      ifAccepted: 'The server accepted a reused refresh token.',
    }),
    refusedRefresh({
      id: 'newest-revoked',
      title: 'The newest refresh token was revoked too',
      explanation:
        'The legitimate client now tries its newest refresh token and is refused as well: the user must sign in again. Rotation turns a silent theft into a visible one.',
      token: 'refresh_token',
      ifAccepted: 'The newest refresh token still worked.',
    }),
  ],
};
