/*
 * The steps and helpers the lab's scenarios share, as machines/walkthrough/common-steps.ts holds the ones
 * the grants share: the Attacker as a party, what it sends from its own server, and the steps every
 * scenario tells the same way (a token leaks, the victim is lured, the attacker redeems what it caught).
 */
import type {
  ExchangeResult,
  RequestSpec,
  OAuthError,
  StepDefinition,
  StepOutcome,
  WalkthroughContext,
} from '../../lib/walkthrough/types';
import { RFC } from '../walkthrough/common-steps';
import { type SendAction, tokenRequestSpec } from '../walkthrough/builders/token-request';
import { oauthErrorOf } from '../walkthrough/builders/expect-refusal';
import { authorizationUrl } from '../walkthrough/builders/authorization-request';
import { labCodeRequest } from './lab-code-form';
import { lootForm } from '../../lib/attacks/loot-form';
import { ATTACKER } from '../../lib/attacks/party';
import type { ExtraRole } from '../../lib/walkthrough/types';
import { apiCall, bearerRequest } from '../walkthrough/builders/api-call';
import { acctOf, subjectOf } from '../../lib/walkthrough/response-bodies';

/** The fifth party of every scenario: it plays the client's part with what it stole (lib/attacks/party.ts). */
export const attackerRole: ExtraRole = {
  id: ATTACKER,
  title: 'Attacker',
  playsAs: 'client',
  clientId: ATTACKER,
  holds: ['a server of its own (the lab’s /api/attacker routes)'],
};

/**
 * The lab's call that sets the attacker's server off at one of its routes: the step's preview shows
 * `attackerSends`, the protocol request that server then sends, as the attacker's.
 */
export const attackerServerCall = (
  route: { path: string; form?: Record<string, string> },
  attackerSends: RequestSpec,
): SendAction => ({
  kind: 'send',
  via: 'browser',
  request: { method: 'POST', path: route.path, ...(route.form ? { form: route.form } : {}) },
  attackerSends,
});

/** A value only the attacker's server holds, named in the preview of what it sends (the machine never sees it). */
export const HELD = (what: string) => `<${what}>`;

export const isOn = (context: WalkthroughContext, param: string) => context.params[param] === 'on';

/** The error in a refusal, in OAuth's wire format, with its status. */
export { oauthErrorOf as errorOf };

/**
 * An attack step's answer is data either way: a refusal is how a defense shows itself, so it is kept in
 * the run's values (`<name>_status`, `<name>_error`, `<name>_error_description`) and the run goes on.
 */
export function observed(
  name: string,
  result: ExchangeResult,
  extra: Record<string, string> = {},
): StepOutcome {
  if (result.status >= 500) return { kind: 'failed', error: oauthErrorOf(result) };
  const values: Record<string, string> = { [`${name}_status`]: String(result.status), ...extra };
  if (result.status >= 400) {
    const error = oauthErrorOf(result);
    values[`${name}_error`] = error.error;
    if (error.error_description) values[`${name}_error_description`] = error.error_description;
  }
  return { kind: 'succeeded', values };
}

/**
 * The proof of most attacks: the attacker's server calls the API with whatever access token it got and
 * learns whose account it is (`api_status`, `api_acct`). The scenario says where that token came from.
 */
export const attackerCallsApi = (explanation: string): StepDefinition => ({
  id: 'attacker-api',
  title: 'The attacker calls the API as alice',
  explanation,
  rfc: RFC.bearer,
  from: 'attacker',
  to: 'resource-server',
  channel: 'back',
  action: () =>
    attackerServerCall(
      { path: '/api/attacker/call-api' },
      bearerRequest({
        method: 'GET',
        path: '/api/v1/accounts/verify_credentials',
        accessToken: HELD('the access token it holds'),
      }),
    ),
  outcome: (_context, result) => {
    const acct = acctOf(result.body);
    return observed('api', result, acct !== undefined ? { api_acct: acct } : {});
  },
});

/** A refusal kept by `observed(name, …)`, as the error it was: code, description and status. */
export function refusalObserved(values: Record<string, string>, name: string): OAuthError {
  const status = values[`${name}_status`];
  const description = values[`${name}_error_description`];
  return {
    error: values[`${name}_error`] ?? `HTTP ${status ?? '?'}`,
    ...(description ? { error_description: description } : {}),
    ...(status ? { status: Number(status) } : {}),
  };
}

/**
 * The proof of a login CSRF: the victim's client asks userinfo whose tokens it holds (`whoami_status`,
 * `signed_in_as`). The scenario says why the answer matters.
 */
export const clientAsksWhoIsSignedIn = (explanation: string): StepDefinition => ({
  id: 'whoami',
  title: 'Who is signed in at the client now?',
  explanation,
  rfc: RFC.userinfo,
  from: 'client',
  to: 'authorization-server',
  channel: 'back',
  action: ({ tokens }) =>
    apiCall({ method: 'GET', path: '/oidc/me', accessToken: tokens.access_token, via: 'browser' }),
  outcome: (_context, result) => {
    const sub = subjectOf(result.body);
    return observed('whoami', result, sub !== undefined ? { signed_in_as: sub } : {});
  },
});

/** The attacker's server redeems the code it holds at one of its routes (`redeem_status`, `redeem_error`). */
export const attackerRedeemsCode = (step: {
  title: string;
  explanation: string;
  /** The attacker's route that redeems it (the caught code, or what a malicious server received). */
  path: string;
  /** The token request the attacker's server then sends (RFC 6749 §4.1.3), as the step's preview shows it. */
  sends(context: WalkthroughContext): Record<string, string>;
}): StepDefinition => ({
  id: 'attacker-redeem',
  title: step.title,
  explanation: step.explanation,
  rfc: RFC.tokenRequest,
  from: 'attacker',
  to: 'authorization-server',
  channel: 'back',
  action: (context) =>
    attackerServerCall(
      { path: step.path },
      tokenRequestSpec({ grant_type: 'authorization_code', ...step.sends(context) }),
    ),
  outcome: (_context, result) => observed('redeem', result),
});

/**
 * A token leaves the client for the attacker's server (an injected script, a compromised extension): the
 * lab posts it to the attacker's loot, which keeps it with the client it belongs to.
 */
export const tokenLeaks = (step: {
  id: string;
  title: string;
  explanation: string;
  rfc: { label: string; href: string };
  kind: 'access_token' | 'refresh_token';
  clientOf(context: WalkthroughContext): string;
}): StepDefinition => ({
  id: step.id,
  title: step.title,
  explanation: step.explanation,
  rfc: step.rfc,
  from: 'client',
  to: 'attacker',
  channel: 'back',
  action: (context) => ({
    kind: 'send',
    via: 'browser',
    request: {
      method: 'POST',
      path: '/api/attacker/loot',
      form: lootForm(step.kind, context.tokens[step.kind] ?? '', step.clientOf(context)),
    },
  }),
  outcome: (_context, result) => observed(step.id, result),
});

type Told = { title: string; explanation: string; rfc: { label: string; href: string } };

/**
 * The first half of a code injection (login CSRF, PKCE downgrade): in its own session the attacker gets
 * a code for its account (bob) issued to the victim's client, and keeps it unredeemed (`attacker_code_status`).
 */
export const attackerKeepsCodeFor = (clientId: string, told: Told): StepDefinition => ({
  id: 'attacker-code',
  ...told,
  from: 'attacker',
  to: 'authorization-server',
  channel: 'back',
  action: ({ origin }) =>
    // Its first request; it then signs in as bob and consents, and keeps the code the redirect carries.
    attackerServerCall(
      { path: '/api/attacker/authorization-code', form: { client_id: clientId } },
      {
        method: 'GET',
        path: authorizationUrl(labCodeRequest({ origin }, clientId, { scope: 'openid profile' })),
      },
    ),
  outcome: (_context, result) => observed('attacker_code', result),
});

/**
 * The second half: alice's browser, lured to the attacker's page (recorded by the attacker's server, an
 * arrow into the Attacker), is sent on to the client's redirect URI with that code.
 */
export const victimLured = (told: Told): StepDefinition => ({
  id: 'lure',
  ...told,
  from: 'resource-owner',
  to: 'attacker',
  channel: 'front',
  action: () => ({ kind: 'navigate', path: '/api/attacker/forged-callback' }),
});
