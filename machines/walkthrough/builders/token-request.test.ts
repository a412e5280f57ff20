import { describe, expect, it } from 'vitest';
import type { ExchangeResult, WalkthroughContext } from '../../../lib/walkthrough/types';
import {
  authorizationCodeForm,
  demoOwner,
  passwordForm,
  refreshedTokens,
  refreshTokenForm,
  TOKEN_ENDPOINT,
  tokenRequest,
  tokenRequestSpec,
  tokenRequestStep,
} from './token-request';

const context = {
  origin: 'http://localhost:3000',
  values: { code: 'the-code', code_verifier: 'the-verifier' },
};

describe('tokenRequest (RFC 6749 §3.2)', () => {
  it('POSTs the form to the token endpoint, grant_type first, in the order given', () => {
    const action = tokenRequest(
      { grant_type: 'refresh_token', refresh_token: 'r1' },
      { via: 'client-backend' },
    );
    expect(action).toEqual({
      kind: 'send',
      via: 'client-backend',
      request: {
        method: 'POST',
        path: TOKEN_ENDPOINT,
        form: { grant_type: 'refresh_token', refresh_token: 'r1' },
      },
    });
    expect(Object.keys(action.request.form ?? {})).toEqual(['grant_type', 'refresh_token']);
  });

  it('names a sender other than the grant’s own client only when one is given', () => {
    expect(tokenRequest({ grant_type: 'client_credentials' }, { via: 'client-backend' })).not.toHaveProperty(
      'clientId',
    );
    expect(
      tokenRequest({ grant_type: 'client_credentials' }, { via: 'client-backend', clientId: 'agent' })
        .clientId,
    ).toBe('agent');
  });

  it('carries a DPoP proof request, a client assertion and headers as given, and another endpoint', () => {
    const action = tokenRequest(
      { grant_type: 'client_credentials' },
      {
        via: 'browser',
        path: '/lab/token',
        dpop: { nonce: 'n' },
        clientAssertion: { aud: 'http://localhost:3000/oidc' },
        headers: { 'x-party': 'attacker' },
      },
    );
    expect(action.request).toEqual({
      method: 'POST',
      path: '/lab/token',
      form: { grant_type: 'client_credentials' },
      dpop: { nonce: 'n' },
      clientAssertion: { aud: 'http://localhost:3000/oidc' },
      headers: { 'x-party': 'attacker' },
    });
  });

  it('keeps an empty DPoP option, which still asks the browser for a proof', () => {
    expect(
      tokenRequest({ grant_type: 'authorization_code' }, { via: 'browser', dpop: {} }).request.dpop,
    ).toEqual({});
  });
});

describe('tokenRequestSpec', () => {
  it('is the request alone, for a party that is not a step’s sender (an attacker’s server)', () => {
    expect(tokenRequestSpec({ grant_type: 'refresh_token', refresh_token: 'r' })).toEqual({
      method: 'POST',
      path: TOKEN_ENDPOINT,
      form: { grant_type: 'refresh_token', refresh_token: 'r' },
    });
  });
});

describe('authorizationCodeForm (RFC 6749 §4.1.3, RFC 7636 §4.5)', () => {
  it('sends the code, the redirect URI it was issued for and the code_verifier, for a confidential client', () => {
    const form = authorizationCodeForm(context);
    expect(Object.entries(form)).toEqual([
      ['grant_type', 'authorization_code'],
      ['code', 'the-code'],
      ['redirect_uri', 'http://localhost:3000/callback'],
      ['code_verifier', 'the-verifier'],
    ]);
  });

  it('names a public client right after grant_type', () => {
    expect(Object.keys(authorizationCodeForm(context, 'spa'))).toEqual([
      'grant_type',
      'client_id',
      'code',
      'redirect_uri',
      'code_verifier',
    ]);
  });

  it('sends empty values rather than leaving a parameter out when the run has no code yet', () => {
    expect(authorizationCodeForm({ origin: 'http://o', values: {} })).toMatchObject({
      code: '',
      code_verifier: '',
    });
  });
});

describe('passwordForm (RFC 6749 §4.3.2)', () => {
  it('sends the owner’s username and password, the scope, then what the step adds', () => {
    expect(Object.entries(passwordForm(demoOwner('alice'), 'read', { client_id: 'spa' }))).toEqual([
      ['grant_type', 'password'],
      ['username', 'alice'],
      ['password', 'wonderland'],
      ['scope', 'read'],
      ['client_id', 'spa'],
    ]);
  });
});

describe('refreshTokenForm (RFC 6749 §6)', () => {
  it('sends the refresh token, then what the step adds', () => {
    expect(Object.entries(refreshTokenForm('r1', { client_id: 'spa' }))).toEqual([
      ['grant_type', 'refresh_token'],
      ['refresh_token', 'r1'],
      ['client_id', 'spa'],
    ]);
    expect(refreshTokenForm('r1')).toEqual({ grant_type: 'refresh_token', refresh_token: 'r1' });
  });
});

describe('refreshedTokens (RFC 6749 §6)', () => {
  const context = { tokens: { refresh_token: 'rt-1', access_token: 'old' } } as unknown as WalkthroughContext;
  const answer = (body: Record<string, unknown>): ExchangeResult => ({ status: 200, headers: {}, body });

  it('takes the new refresh token a rotating server sends, and keeps the spent one to show its reuse fails', () => {
    expect(refreshedTokens(context, answer({ access_token: 'a2', refresh_token: 'rt-2' }))).toMatchObject({
      kind: 'succeeded',
      tokens: { access_token: 'a2', refresh_token: 'rt-2', rotated_refresh_token: 'rt-1' },
    });
  });

  it('keeps the refresh token it has when the server sends none', () => {
    expect(refreshedTokens(context, answer({ access_token: 'a2' }))).toMatchObject({
      tokens: { access_token: 'a2', refresh_token: 'rt-1' },
    });
  });

  it('passes a refusal on as the token endpoint sent it', () => {
    expect(refreshedTokens(context, { status: 400, headers: {}, body: { error: 'invalid_grant' } })).toEqual({
      kind: 'failed',
      error: { error: 'invalid_grant', status: 400 },
    });
  });
});

describe('tokenRequestStep', () => {
  const send = () => tokenRequest({ grant_type: 'client_credentials' }, { via: 'client-backend' });
  const ok: ExchangeResult = { status: 200, headers: {}, body: { access_token: 'a', token_type: 'Bearer' } };

  it('is a client’s back-channel call to the authorization server', () => {
    const step = tokenRequestStep(
      { id: 't', title: 'T', explanation: 'E', rfc: { label: 'l', href: 'h' } },
      send,
    );
    expect(step).toMatchObject({ from: 'client', to: 'authorization-server', channel: 'back' });
  });

  it('reads the answer as a token response unless the step reads it otherwise', () => {
    const step = tokenRequestStep(
      { id: 't', title: 'T', explanation: 'E', rfc: { label: 'l', href: 'h' } },
      send,
    );
    expect(step.outcome?.({} as never, ok)).toMatchObject({
      kind: 'succeeded',
      tokens: { access_token: 'a' },
    });
    expect(
      step.outcome?.({} as never, { status: 400, headers: {}, body: { error: 'invalid_grant' } }),
    ).toEqual({
      kind: 'failed',
      error: { error: 'invalid_grant', status: 400 },
    });
    const own = tokenRequestStep(
      {
        id: 't',
        title: 'T',
        explanation: 'E',
        rfc: { label: 'l', href: 'h' },
        outcome: () => ({ kind: 'succeeded' }),
      },
      send,
    );
    expect(own.outcome?.({} as never, ok)).toEqual({ kind: 'succeeded' });
  });

  it('lets an attacker send it', () => {
    const step = tokenRequestStep(
      { id: 't', title: 'T', explanation: 'E', rfc: { label: 'l', href: 'h' }, from: 'attacker' },
      send,
    );
    expect(step.from).toBe('attacker');
  });
});
