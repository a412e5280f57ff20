import { describe, expect, it } from 'vitest';
import { grantBySlug } from '../../machines/registry';
import {
  authorizationRequestTravel,
  clientAuthentication,
  clientKindOf,
  oauth21Standing,
} from './grant-facts';

const grant = (slug: string) => grantBySlug(slug)!;

describe('what the compare table says of a grant’s definition', () => {
  it('tells a client that signs its assertions from one with a secret and a public one', () => {
    expect(clientAuthentication(grant('private-key-jwt'))).toBe(
      'the client, with a JWT signed by its private key (private_key_jwt); no shared secret',
    );
    expect(clientAuthentication(grant('client-credentials'))).toBe('the client, with its secret');
    expect(clientAuthentication(grant('authorization-code-pkce'))).toBe(
      'nobody: a public client has no secret',
    );
  });

  it('tells the diagram which credential the client holds', () => {
    expect(clientKindOf(grant('private-key-jwt'))).toBe('private-key');
    expect(clientKindOf(grant('client-credentials'))).toBe('confidential');
    expect(clientKindOf(grant('dpop'))).toBe('public');
  });

  it('tells a pushed authorization request from one in the URL, and a grant with none', () => {
    expect(authorizationRequestTravel(grant('pushed-authorization-request'))).toBe(
      'pushed by the client’s backend (PAR); the browser carries only a request_uri',
    );
    expect(authorizationRequestTravel(grant('authorization-code-pkce'))).toBe(
      'in the URL, readable in the browser',
    );
    expect(authorizationRequestTravel(grant('private-key-jwt'))).toBe('none: no browser redirect');
  });

  it('says a modern grant adds to OAuth 2.1, for the profiles that need it, and a classic one is kept or removed', () => {
    expect(oauth21Standing(grant('pushed-authorization-request').catalogue)).toBe(
      'an addition to it; FAPI 2.0 (required); OAuth 2.1-era recommendation',
    );
    expect(oauth21Standing(grant('password').catalogue)).toBe('removed');
    expect(oauth21Standing({ rfc: 'RFC X', status: 'recommended', useWhen: 'x', family: 'modern' })).toBe(
      'an addition to it',
    );
  });
});
