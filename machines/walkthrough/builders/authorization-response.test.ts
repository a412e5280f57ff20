import { describe, expect, it } from 'vitest';
import { authorizationResponseStep } from './authorization-response';

describe('authorizationResponseStep (RFC 6749 §4.1.2)', () => {
  it('shows the redirect from the authorization server to the client’s callback in the front channel', () => {
    const step = authorizationResponseStep({ explanation: 'The code arrives.' });
    expect(step).toMatchObject({
      id: 'authorization-response',
      title: 'The code comes back to the redirect URI',
      rfc: { label: 'RFC 6749 §4.1.2' },
      from: 'authorization-server',
      to: 'client',
      channel: 'front',
      explanation: 'The code arrives.',
    });
    expect(step.action({} as never)).toEqual({ kind: 'callback' });
  });

  it('lets a scenario name who sent the browser there and call the step its own way', () => {
    const step = authorizationResponseStep({
      id: 'callback',
      title: 'A forged callback',
      explanation: 'x',
      from: 'resource-owner',
    });
    expect(step).toMatchObject({ id: 'callback', title: 'A forged callback', from: 'resource-owner' });
  });
});
