import { resourceOutcome, RFC } from '../walkthrough/common-steps';
import { proofExhibit } from '../dpop/proof';
import type { StepDefinition, WalkthroughContext } from '../../lib/walkthrough/types';
import { assistant } from './client';
import { presentToken, proofShown } from './sender-constraint';

/** An API call by the assistant, with the exchanged token (and a proof by the run's key when bound). */
export const agentCall = (
  step: Pick<StepDefinition, 'id' | 'title' | 'explanation'>,
  method: 'GET' | 'POST',
  path: string,
  form?: (context: WalkthroughContext) => Record<string, string>,
): StepDefinition => {
  const definition: StepDefinition = {
    ...step,
    rfc: RFC.bearer,
    from: 'client',
    to: 'resource-server',
    channel: 'back',
    action: (context) => ({
      kind: 'send',
      via: 'client-backend',
      clientId: assistant.client_id,
      request: { method, path, ...presentToken(context), ...(form ? { form: form(context) } : {}) },
    }),
    exhibit: (context) => proofExhibit(context, definition.action(context)),
    outcome: (_context, result) => {
      const outcome = resourceOutcome(result);
      return outcome.kind === 'succeeded' && result.dpopProof
        ? { kind: 'succeeded', tokens: proofShown(result) }
        : outcome;
    },
  };
  return definition;
};
