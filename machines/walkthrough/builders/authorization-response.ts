import type { StepDefinition } from '../../../lib/walkthrough/types';
import { RFC } from '../common-steps';

/** What an authorization response step says; it may come from someone else than the server (a lure). */
export type AuthorizationResponseText = Pick<StepDefinition, 'explanation'> &
  Partial<Pick<StepDefinition, 'id' | 'title' | 'rfc' | 'from' | 'forFollowers'>>;

/**
 * RFC 6749 §4.1.2: the redirect back to the client's redirect URI with the code (or an error), shown as it
 * arrived at the callback, where the client already checked it.
 */
export const authorizationResponseStep = (text: AuthorizationResponseText): StepDefinition => ({
  id: 'authorization-response',
  title: 'The code comes back to the redirect URI',
  rfc: RFC.authorizationResponse,
  from: 'authorization-server',
  to: 'client',
  channel: 'front',
  ...text,
  action: () => ({ kind: 'callback' }),
});
