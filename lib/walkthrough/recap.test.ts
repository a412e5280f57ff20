import { describe, expect, it } from 'vitest';
import { suggestNext, tokenJourneys } from './recap';

const message = (body: string | null, headers: [string, string][] = []) => ({
  headers,
  body,
  bodyEncoding: 'utf8' as const,
  truncated: false,
});
const exchange = (
  from: string,
  to: string,
  method: string,
  url: string,
  request: string | null,
  response: string | null,
  headers: [string, string][] = [],
) => ({
  from,
  to,
  request: { ...message(request, headers), method, url },
  response: { ...message(response), status: 200 },
});

describe('where each token travelled', () => {
  const events = [
    exchange(
      'client',
      'authorization-server',
      'POST',
      'http://localhost/oidc/token',
      'grant_type=authorization_code&code=c',
      '{"access_token":"AT","id_token":"IT"}',
    ),
    exchange('client', 'authorization-server', 'GET', 'http://localhost/oidc/jwks', null, '{"keys":[]}'),
    exchange(
      'client',
      'resource-server',
      'GET',
      'http://localhost/api/v1/accounts/verify_credentials',
      null,
      '{}',
      [['authorization', 'Bearer AT']],
    ),
  ];

  it('follows a token from the response that issued it to the requests that carried it', () => {
    const [access, id] = tokenJourneys(events, { access_token: 'AT', id_token: 'IT' });
    expect(access!.name).toBe('Access token');
    expect(access!.legs.map(({ number, carriedIn, to }) => [number, carriedIn, to])).toEqual([
      [1, 'response', 'authorization-server'],
      [3, 'request', 'resource-server'],
    ]);
    expect(id!.legs.map(({ number }) => number)).toEqual([1]);
  });

  it('leaves out the tokens the run does not hold', () => {
    expect(tokenJourneys(events, { access_token: 'AT' }).map(({ field }) => field)).toEqual(['access_token']);
  });
});

describe('what to try next', () => {
  const grants = [
    { slug: 'a', title: 'A', grantTypes: ['authorization_code'] },
    { slug: 'b', title: 'B', grantTypes: ['client_credentials'] },
  ];
  const attacks = [
    { slug: 'x', title: 'X', grantTypes: ['implicit'] },
    { slug: 'y', title: 'Y', grantTypes: ['authorization_code'] },
  ];

  it('suggests the next grant and an attack on a grant type the run used', () => {
    expect(
      suggestNext({ slug: 'a', kind: 'grant', grantTypes: ['authorization_code'] }, grants, attacks),
    ).toEqual([
      { href: '/grants/b', title: 'B', why: 'Next in the suggested order.' },
      {
        href: '/attacks/y',
        title: 'Y',
        why: 'An attack on a flow that uses authorization_code, as this one did.',
      },
    ]);
  });

  it('wraps round to the first grant, and suggests no attack where none shares a grant type', () => {
    expect(
      suggestNext({ slug: 'b', kind: 'grant', grantTypes: ['client_credentials'] }, grants, attacks),
    ).toEqual([{ href: '/grants/a', title: 'A', why: 'Next in the suggested order.' }]);
  });

  it('suggests the next attack after an attack', () => {
    expect(suggestNext({ slug: 'x', kind: 'attack', grantTypes: [] }, grants, attacks)).toEqual([
      { href: '/attacks/y', title: 'Y', why: 'The next attack in the lab.' },
    ]);
  });
});
