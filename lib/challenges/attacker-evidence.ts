import { ATTACKER, PARTY_HEADER } from '../attacks/party';
import { formOf, requestHeader, responseHeader } from '../trace/exchange';
import type { TraceEvent } from '../trace/types';
import { errorResponseOf, tokenResponseOf } from '../walkthrough/response-bodies';
import { authorizationVisits, codesIssued, jsonBodyOf } from './evidence';

/**
 * The facts the attack challenges read off a learner's trace: who sent a request (the lab's attacker
 * says so in its party header, lib/attacks/party.ts), which authorization request a code answered, who
 * redeemed it, where the attacker's page sent the victim's browser, and who replayed which token at
 * the API. Each keeps its exchange's position (`seq`), as ./evidence.ts does.
 */

/** True for a request the lab's attacker sent from its own server (lib/attacks/attacker.ts). */
export const sentByAttacker = (event: TraceEvent) => requestHeader(event, PARTY_HEADER) === ATTACKER;

const pathOf = (event: TraceEvent) => new URL(event.request.url).pathname;

/** The walkthrough run an exchange belongs to, when it names one (lib/trace/run.ts). */
const runOf = (event: TraceEvent) => (event.run ? { run: event.run } : {});

/**
 * True when two exchanges belong to one walkthrough run: a scenario's attacker acting within the run
 * that leaked to it is the scenario's own step, not the learner working the attacker's tools by hand.
 */
export const sameRun = (a: { run?: string }, b: { run?: string }) => a.run !== undefined && a.run === b.run;

/**
 * An authorization code the authorization endpoint issued (RFC 6749 §4.1.2), with the authorization
 * request it answers: the newest one before it from the same browser session, the same walkthrough run
 * (front-channel requests name theirs in a cookie, lib/trace/run.ts) and the same party.
 */
export type IssuedCode = {
  seq: number;
  /** When it was issued, in epoch milliseconds. */
  time: number;
  code: string;
  byAttacker: boolean;
  run?: string;
  request?: { seq: number; query: URLSearchParams };
};

export function issuedCodes(events: readonly TraceEvent[]): IssuedCode[] {
  const bySeq = new Map(events.map((event) => [event.seq, event]));
  const requests = authorizationVisits(events).filter((visit) => visit.query.has('client_id'));
  return codesIssued(events).map(({ seq, code }) => {
    const event = bySeq.get(seq)!;
    const byAttacker = sentByAttacker(event);
    // With alice signed in and consent given, the request itself answers with the code.
    const request = requests.findLast(
      (visit) =>
        visit.seq <= seq && visit.run === event.run && sentByAttacker(bySeq.get(visit.seq)!) === byAttacker,
    );
    return {
      seq,
      time: Date.parse(event.time),
      code,
      byAttacker,
      ...runOf(event),
      ...(request ? { request: { seq: request.seq, query: request.query } } : {}),
    };
  });
}

/** A token request for an authorization code (RFC 6749 §4.1.3), its sender and the token endpoint's answer. */
export type CodeRedemption = {
  seq: number;
  time: number;
  code: string;
  form: URLSearchParams;
  byAttacker: boolean;
  run?: string;
  status: number;
  error?: string;
  accessToken?: string;
};

export function codeRedemptions(events: readonly TraceEvent[]): CodeRedemption[] {
  return events.flatMap((event) => {
    const form = formOf(event);
    if (event.request.method !== 'POST' || pathOf(event) !== '/oidc/token') return [];
    if (form?.get('grant_type') !== 'authorization_code' || !form.get('code')) return [];
    const body = jsonBodyOf(event);
    const { access_token } = tokenResponseOf(body);
    const { error } = errorResponseOf(body);
    return [
      {
        seq: event.seq,
        time: Date.parse(event.time),
        code: form.get('code')!,
        form,
        byAttacker: sentByAttacker(event),
        ...runOf(event),
        status: event.response.status,
        ...(event.response.status >= 400 && error ? { error } : {}),
        ...(event.response.status === 200 && access_token ? { accessToken: access_token } : {}),
      },
    ];
  });
}

/** An access token the token endpoint issued to a client (not to the attacker), and its type (RFC 6749 §7.1). */
export type ClientToken = { seq: number; accessToken: string; tokenType: string; run?: string };

export function tokensIssuedToClients(events: readonly TraceEvent[]): ClientToken[] {
  return events.flatMap((event) => {
    if (event.request.method !== 'POST' || pathOf(event) !== '/oidc/token') return [];
    if (event.response.status !== 200 || sentByAttacker(event)) return [];
    const { access_token, token_type } = tokenResponseOf(jsonBodyOf(event));
    return access_token
      ? [{ seq: event.seq, accessToken: access_token, tokenType: token_type ?? 'Bearer', ...runOf(event) }]
      : [];
  });
}

/** The attacker's page sending a browser to the client's redirect URI with a code (login CSRF, RFC 9700 §4.7). */
export type ForgedCallback = { seq: number; code: string; run?: string };

export function forgedCallbacks(events: readonly TraceEvent[]): ForgedCallback[] {
  return events.flatMap((event) => {
    const location = responseHeader(event, 'location');
    if (event.request.method !== 'GET' || pathOf(event) !== '/api/attacker/forged-callback' || !location)
      return [];
    const code = new URL(location, event.request.url).searchParams.get('code');
    return code ? [{ seq: event.seq, code, ...runOf(event) }] : [];
  });
}

/**
 * An access token presented at the playground's API (RFC 6750 §2.1, RFC 9449 §7.1), by whom, and the
 * answer: its status and, for a refusal, the challenge (`WWW-Authenticate`) that names its reason.
 */
export type ApiCall = {
  seq: number;
  scheme: 'Bearer' | 'DPoP';
  token: string;
  byAttacker: boolean;
  run?: string;
  status: number;
  challenge?: string;
};

export function apiCalls(events: readonly TraceEvent[]): ApiCall[] {
  return events.flatMap((event) => {
    if (!pathOf(event).startsWith('/api/v1/')) return [];
    const match = /^(Bearer|DPoP)\s+(\S+)$/i.exec(requestHeader(event, 'authorization') ?? '');
    if (!match) return [];
    const challenge = responseHeader(event, 'www-authenticate');
    return [
      {
        seq: event.seq,
        scheme: match[1]!.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer',
        token: match[2]!,
        byAttacker: sentByAttacker(event),
        ...runOf(event),
        status: event.response.status,
        ...(challenge ? { challenge } : {}),
      },
    ];
  });
}
