import { describe, expect, it } from 'vitest';
import type { ExtraRole } from '../walkthrough/types';
import { deriveHoldings } from './derive';
import { exchange } from './exchanges.testing';
import { deriveHops } from './hops';
import {
  assignParties,
  clientIdOf,
  isStepParty,
  keysShownBy,
  partiesOf,
  senderOfStep,
  titleOf,
} from './roles';

const FORM: Array<[string, string]> = [['content-type', 'application/x-www-form-urlencoded']];
const basic = (id: string) => `Basic ${btoa(`${id}:${id}-secret`)}`;
const jwt = (payload: Record<string, unknown>) =>
  `${btoa('{"alg":"ES256"}')}.${btoa(JSON.stringify(payload)).replace(/=+$/, '')}.sig`;

const ASSISTANT: ExtraRole = {
  id: 'assistant',
  title: 'Assistant (agent)',
  playsAs: 'client',
  clientId: 'playground-assistant',
  holds: ['its client secret (server-side)'],
};

/** The token exchange walkthrough as recorded: the chat app, then the assistant, from the same role. */
const run = [
  exchange(
    1,
    'client',
    'authorization-server',
    {
      method: 'POST',
      url: '/oidc/token',
      headers: FORM,
      body: 'grant_type=authorization_code&client_id=playground-assistant-app',
    },
    { status: 200 },
  ),
  exchange(
    2,
    'client',
    'authorization-server',
    {
      method: 'POST',
      url: '/oidc/token',
      headers: [...FORM, ['authorization', basic('playground-assistant')]],
      body: 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=x',
    },
    { status: 200 },
  ),
  exchange(
    3,
    'client',
    'resource-server',
    {
      method: 'GET',
      url: '/api/v1/accounts/verify_credentials',
      headers: [['authorization', `Bearer ${jwt({ client_id: 'playground-assistant', sub: 'alice' })}`]],
    },
    { status: 200 },
  ),
  exchange(
    4,
    'resource-server',
    'authorization-server',
    {
      method: 'POST',
      url: '/oidc/token/introspection',
      headers: [['authorization', basic('playground-assistant')]],
    },
    { status: 200 },
  ),
];

describe('extra parties on the diagram, derived from the recorded exchanges', () => {
  it('names the client a request shows: form client_id, HTTP Basic, or the client_id of its JWT', () => {
    expect(run.slice(0, 3).map(clientIdOf)).toEqual([
      'playground-assistant-app',
      'playground-assistant',
      'playground-assistant',
    ]);
  });

  it('moves an extra party’s own requests to it, and leaves every other exchange as recorded', () => {
    const parties = assignParties(run, [ASSISTANT]);
    expect(parties.map((event) => `${event.from}->${event.to}`)).toEqual([
      'client->authorization-server',
      'assistant->authorization-server',
      'assistant->resource-server',
      // The resource server plays no extra party, whatever its request names.
      'resource-server->authorization-server',
    ]);
    expect(deriveHops(parties).map((hop) => hop.from)).toEqual([
      'client',
      'assistant',
      'assistant',
      'resource-server',
    ]);
  });

  it('changes nothing for a grant of the four roles', () => {
    expect(assignParties(run)).toBe(run);
    expect(partiesOf()).toEqual(['resource-owner', 'client', 'authorization-server', 'resource-server']);
  });

  it('keeps an exchange’s assignment as the same object on the next update', () => {
    const roles = [ASSISTANT];
    const [first, second] = [assignParties(run, roles), assignParties(run, roles)];
    expect(second[1]).toBe(first[1]);
  });

  it('names the sender of a step sent with an extra party’s client_id after that party', () => {
    const send = (clientId?: string) => ({ kind: 'send', ...(clientId ? { clientId } : {}) });
    expect(senderOfStep('client', send('playground-assistant'), [ASSISTANT])).toBe('assistant');
    expect(senderOfStep('client', send(), [ASSISTANT])).toBe('client');
    expect(senderOfStep('client', send('playground-assistant-app'), [ASSISTANT])).toBe('client');
    expect(senderOfStep('authorization-server', { kind: 'callback' }, [ASSISTANT])).toBe(
      'authorization-server',
    );
    expect(senderOfStep('client', send('playground-assistant'))).toBe('client');
  });

  it('titles a party by its role or by the grant’s declaration', () => {
    expect(titleOf('assistant', [ASSISTANT])).toBe('Assistant (agent)');
    expect(titleOf('authorization-server', [ASSISTANT])).toBe('Authorization Server');
  });

  it('tells a party a step may name (the four roles, the attacker) from a grant’s extra role', () => {
    expect(
      ['resource-owner', 'client', 'authorization-server', 'resource-server', 'attacker'].every(isStepParty),
    ).toBe(true);
    expect(isStepParty('assistant')).toBe(false);
    expect(isStepParty('toString')).toBe(false);
  });

  it('says the agent holds the user’s token, its own and the exchanged one; the client, the user’s token for it', () => {
    const holdings = deriveHoldings(
      { values: {}, tokens: { subject_token: 's', actor_token: 'a', access_token: 'x' } },
      assignParties(run, [ASSISTANT]),
      'public',
      [ASSISTANT],
    );
    expect(holdings.assistant).toEqual([
      'its client secret (server-side)',
      'the user’s token for it (subject_token)',
      'its own token (actor_token)',
      'an exchanged token (act: itself)',
    ]);
    expect(holdings.client).toContain('the user’s token for the assistant');
    expect(holdings.client).not.toContain('an access token');
  });
});

describe('keys a party holds, read from its requests', () => {
  it('a DPoP header means the sender holds a DPoP key pair', () => {
    const events = [
      exchange(
        1,
        'client',
        'authorization-server',
        { method: 'POST', url: '/oidc/token', headers: [['dpop', 'eyJ.proof.sig']] },
        { status: 200 },
      ),
    ];
    expect(keysShownBy(events, 'client')).toEqual(['a DPoP key pair (a proof per request)']);
    expect(deriveHoldings({ values: {}, tokens: {} }, events, 'public').client).toContain(
      'a DPoP key pair (a proof per request)',
    );
  });

  it('a client_assertion form field means the sender holds a signing key (private_key_jwt)', () => {
    const events = [
      exchange(
        1,
        'client',
        'authorization-server',
        {
          method: 'POST',
          url: '/oidc/token',
          headers: FORM,
          body: 'grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=eyJ.a.b',
        },
        { status: 200 },
      ),
    ];
    expect(keysShownBy(events, 'client')).toEqual(['a private key for client assertions (private_key_jwt)']);
  });

  it('says nothing of keys for a client that sends neither', () => {
    expect(keysShownBy(run, 'client')).toEqual([]);
  });

  it('calls a token bound with DPoP what it is', () => {
    expect(
      deriveHoldings({ values: {}, tokens: { access_token: 'x', token_type: 'DPoP' } }, [], 'public').client,
    ).toContain('a DPoP-bound access token');
  });
});
