import { probeContext } from '../walkthrough/probe';
import type { GrantDefinition, StepAction } from '../walkthrough/types';

/**
 * How the user takes part in a grant, read from its steps: signing in on the authorization server's
 * page (any front-channel step), giving the client their password (a token request with
 * grant_type=password, RFC 6749 §4.3), or not at all (client credentials, §4.4).
 */
export type SignIn =
  { kind: 'authorization-server' } | { kind: 'password-to-client'; username: string } | { kind: 'none' };

function actionsOf(grant: GrantDefinition): StepAction[] {
  return grant.steps.map((step, stepIndex) => step.action(probeContext(grant, stepIndex, '')));
}

export function signInOf(grant: GrantDefinition): SignIn {
  if (grant.steps.some((step) => step.channel === 'front' || step.from === 'resource-owner'))
    return { kind: 'authorization-server' };
  for (const action of actionsOf(grant)) {
    if (action.kind === 'send' && action.request.form?.grant_type === 'password')
      return { kind: 'password-to-client', username: action.request.form.username ?? '' };
  }
  return { kind: 'none' };
}
