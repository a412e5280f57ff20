import { describe, expect, it } from 'vitest';
import { describeHop } from './derive';
import { codeFlow, exchange } from './exchanges.testing';
import type { PartyEvent } from './roles';
import { byExchange, deriveHops } from './hops';

const arrows = (events: PartyEvent[] = codeFlow) =>
  deriveHops(events).map((hop) => `${hop.number} ${hop.from} -> ${hop.to} (${hop.channel})`);

describe('hops: one arrow per message, in the direction it went', () => {
  it('draws each exchange as its request, from sender to receiver, numbered as the HTTP log numbers it', () => {
    expect(arrows()).toEqual([
      '1 resource-owner -> authorization-server (front)',
      '2 resource-owner -> authorization-server (front)',
      '3 resource-owner -> authorization-server (front)',
      '3a authorization-server -> resource-owner (front)',
      '3b resource-owner -> client (front)',
      '4 client -> authorization-server (back)',
      '5 client -> resource-server (back)',
    ]);
  });

  it('draws the authorization response as the browser carries it: authorization server → browser → client', () => {
    const [request, redirect, arrival] = deriveHops(codeFlow).filter((hop) => hop.exchange === 3);
    expect(request).toMatchObject({
      label: 'GET /oidc/auth/Zq1 → 303',
      carries: 'session cookie + interaction cookie',
    });
    expect(redirect).toMatchObject({ label: '303 to /callback?code=…', carries: '303 to /callback?code=…' });
    expect(arrival).toMatchObject({
      label: 'GET /callback?code=…',
      carries: 'code + state + iss in the address',
    });
    expect(new Set([request!.seq, redirect!.seq, arrival!.seq])).toEqual(new Set([3]));
  });

  it('draws a code redirected to the lab attacker’s page as arriving at the attacker, from the arrival its server recorded', () => {
    const stolen = exchange(
      9,
      'resource-owner',
      'authorization-server',
      { method: 'POST', url: '/interaction/Zq3/confirm' },
      {
        status: 303,
        headers: [['location', 'http://localhost:3000/api/attacker/catch?code=c&iss=i']],
      },
    );
    // The attacker's server records the browser's arrival (lib/attacks/received.ts); the diagram moves it to the Attacker.
    const arrival: PartyEvent = {
      ...exchange(
        10,
        'resource-owner',
        'client',
        { method: 'GET', url: '/api/attacker/catch?code=c&iss=i' },
        { status: 303 },
      ),
      to: 'attacker',
    };
    expect(arrows([stolen, arrival])).toEqual([
      '1 resource-owner -> authorization-server (front)',
      '1a authorization-server -> resource-owner (front)',
      '2 resource-owner -> attacker (front)',
    ]);
  });

  it('leaves the code of the attacker’s own sign-in with the attacker: it never reaches the client by that redirect', () => {
    const own = {
      ...exchange(
        4,
        'resource-owner',
        'authorization-server',
        { method: 'POST', url: '/interaction/Zq4/confirm' },
        { status: 303, headers: [['location', 'http://localhost:3000/callback?code=bobs&state=s']] },
      ),
      // The attacker's server signs in by itself, over the back channel (lib/attacks/attacker-authorize.ts).
      from: 'attacker',
      channel: 'back',
    } as PartyEvent;
    expect(arrows([own])).toEqual([
      '1 attacker -> authorization-server (back)',
      '1a authorization-server -> attacker (back)',
    ]);
  });

  it('keeps a redirect that stays at the authorization server a single hop', () => {
    expect(deriveHops(codeFlow.slice(0, 2)).map((hop) => hop.key)).toEqual(['1', '2']);
  });

  it('an implicit grant’s token in the fragment goes back through the browser too (RFC 6749 section 4.2.2)', () => {
    const implicit = exchange(
      7,
      'resource-owner',
      'authorization-server',
      { method: 'GET', url: '/oidc/auth/Zq2' },
      {
        status: 303,
        headers: [['location', 'http://localhost:3000/callback#access_token=at&token_type=Bearer']],
      },
    );
    expect(arrows([implicit])).toEqual([
      '1 resource-owner -> authorization-server (front)',
      '1a authorization-server -> resource-owner (front)',
      '1b resource-owner -> client (front)',
    ]);
    expect(deriveHops([implicit])[1]!.label).toBe('303 to /callback#access_token=…');
  });

  it('a front-channel message recorded on arrival at the client is split at the browser', () => {
    const arrival: PartyEvent = {
      ...exchange(
        4,
        'authorization-server',
        'client',
        { method: 'GET', url: '/mastodon?code=abc&state=s' },
        { status: 200 },
      ),
      channel: 'front' as const,
    };
    expect(arrows([arrival])).toEqual([
      '1 authorization-server -> resource-owner (front)',
      '1a resource-owner -> client (front)',
    ]);
  });

  it('says what each hop carries: the request, and what came back when the answer is not its own hop', () => {
    const hops = deriveHops(codeFlow);
    expect(hops.find((hop) => hop.key === '4')!.carries).toBe(
      'code + code_verifier; back: access token + refresh token + ID token',
    );
    expect(hops.find((hop) => hop.key === '5')!.carries).toBe('access token (Bearer); back: 200 JSON');
    expect(describeHop(hops.find((hop) => hop.key === '3b')!)).toBe(
      'Message 3b: GET /callback?code=…, carries code + state + iss in the address, Resource Owner to Client, front channel',
    );
  });

  it('groups the hops of each exchange, one group per exchange of the HTTP log', () => {
    expect(byExchange(deriveHops(codeFlow)).map((group) => group.map((hop) => hop.key))).toEqual([
      ['1'],
      ['2'],
      ['3', '3a', '3b'],
      ['4'],
      ['5'],
    ]);
  });
});
