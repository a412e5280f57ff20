import { describe, expect, it } from 'vitest';
import { readEnv } from '../../../../lib/config/env';
import { CLIENT_ID_AT_ATTACKER } from './mix-up-parties';
import { attackerAuthorize, attackerMetadata, attackerToken } from './mix-up';

const ORIGIN = 'http://localhost:3999';
const env = readEnv({ PUBLIC_ORIGIN: ORIGIN });
const authorize = (params: Record<string, string>) =>
  attackerAuthorize(new Request(`${ORIGIN}/api/attacker/as/authorize?${new URLSearchParams(params)}`), env);
const request = {
  client_id: CLIENT_ID_AT_ATTACKER,
  response_type: 'code',
  redirect_uri: `${ORIGIN}/callback`,
  scope: 'openid read',
  state: 'state-1',
  code_challenge: 'challenge-1',
  code_challenge_method: 'S256',
};

describe('the attacker’s authorization server of the mix-up lab (deliberately malicious, lab only)', () => {
  it('publishes an issuer of its own, not the playground’s (RFC 8414 §2)', async () => {
    const metadata = (await attackerMetadata(env).json()) as Record<string, string>;
    expect(metadata.issuer).toBe(`${ORIGIN}/api/attacker/as`);
    expect(metadata.authorization_endpoint).toBe(`${ORIGIN}/api/attacker/as/authorize`);
    expect(metadata.token_endpoint).toBe(`${ORIGIN}/api/attacker/as/token`);
  });

  it('sends alice on to the honest authorization endpoint with the client’s honest client_id, the rest unchanged', () => {
    const response = authorize(request);
    expect(response.status).toBe(303);
    const honest = new URL(response.headers.get('location')!);
    expect(honest.origin + honest.pathname).toBe(`${ORIGIN}/oidc/auth`);
    expect(Object.fromEntries(honest.searchParams)).toEqual({ ...request, client_id: 'lab-mix-up-client' });
  });

  it('acts for the lab’s mix-up client only: a walkthrough client’s id is refused', async () => {
    const response = authorize({ ...request, client_id: 'playground-web' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_client',
      error_description: `The attacker’s authorization server knows one client only, the lab’s mix-up client (client_id ${CLIENT_ID_AT_ATTACKER}).`,
    });
  });

  it('sends no one to another redirect URI', async () => {
    const response = authorize({ ...request, redirect_uri: 'https://evil.example/cb' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('keeps loot per learner: a token request without a learner is refused with 401', async () => {
    const response = await attackerToken(
      new Request(`${ORIGIN}/api/attacker/as/token`, {
        method: 'POST',
        body: 'grant_type=authorization_code',
      }),
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('no_learner');
  });
});
