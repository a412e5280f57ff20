import { formOf, requestHeader, responseHeader } from '../trace/exchange';
import type { TraceEvent } from '../trace/types';
import { errorResponseOf, jsonMembers, tokenResponseOf } from '../walkthrough/response-bodies';

/**
 * The facts a grader reads off a learner's trace: what the token endpoint issued and refused, and which
 * access tokens were presented where. Each keeps the position of the exchange it comes from (`seq`), so
 * that a verdict can name the exchanges that prove it.
 */

const pathOf = (event: TraceEvent) => new URL(event.request.url).pathname;

/** A response's body as JSON, when it is whole UTF-8 JSON. */
export function jsonBodyOf(event: TraceEvent): unknown {
  const { body, bodyEncoding, truncated } = event.response;
  if (body === null || bodyEncoding !== 'utf8' || truncated) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

const tokenRequests = (events: readonly TraceEvent[]) =>
  events.filter((event) => event.request.method === 'POST' && pathOf(event) === '/oidc/token');

/** A token response the token endpoint sent (RFC 6749 §5.1), with the form that asked for it. */
export type Issued = {
  seq: number;
  form: URLSearchParams;
  /** Whether the request carried a DPoP proof (RFC 9449 §5). */
  withProof: boolean;
  accessToken?: string;
  tokenType?: string;
  refreshToken?: string;
  scope?: string;
};

export function issuedTokens(events: readonly TraceEvent[]): Issued[] {
  return tokenRequests(events)
    .filter((event) => event.response.status === 200)
    .map((event) => {
      const body = tokenResponseOf(jsonBodyOf(event));
      return {
        seq: event.seq,
        form: formOf(event) ?? new URLSearchParams(),
        withProof: Boolean(requestHeader(event, 'dpop')),
        ...(body.access_token ? { accessToken: body.access_token } : {}),
        ...(body.token_type ? { tokenType: body.token_type } : {}),
        ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
        ...(body.scope !== undefined ? { scope: body.scope } : {}),
      };
    });
}

/** A token request the token endpoint refused (RFC 6749 §5.2), with the form and the error. */
export type Refused = { seq: number; form: URLSearchParams; status: number; error?: string };

export function refusedTokenRequests(events: readonly TraceEvent[]): Refused[] {
  return tokenRequests(events)
    .filter((event) => event.response.status >= 400)
    .map((event) => {
      const { error } = errorResponseOf(jsonBodyOf(event));
      return {
        seq: event.seq,
        form: formOf(event) ?? new URLSearchParams(),
        status: event.response.status,
        ...(error ? { error } : {}),
      };
    });
}

/**
 * A request that presented an access token: as a Bearer (RFC 6750 §2.1) or with the DPoP scheme (RFC 9449
 * §7.1), whether a DPoP proof went with it, the status it got, and the walkthrough run that sent it, if any.
 */
export type Presented = {
  seq: number;
  token: string;
  scheme: 'Bearer' | 'DPoP';
  withProof: boolean;
  path: string;
  status: number;
  run?: string;
};

export function presentedTokens(events: readonly TraceEvent[]): Presented[] {
  return events.flatMap((event) => {
    const match = /^(Bearer|DPoP)\s+(\S+)$/i.exec(requestHeader(event, 'authorization') ?? '');
    if (!match) return [];
    return [
      {
        seq: event.seq,
        token: match[2]!,
        scheme: match[1]!.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer',
        withProof: Boolean(requestHeader(event, 'dpop')),
        path: pathOf(event),
        status: event.response.status,
        ...(event.run ? { run: event.run } : {}),
      },
    ];
  });
}

/** A request_uri the pushed authorization request endpoint issued (RFC 9126 §2.2). */
export type Pushed = { seq: number; requestUri: string };

export function pushedRequests(events: readonly TraceEvent[]): Pushed[] {
  return events.flatMap((event) => {
    if (event.request.method !== 'POST' || pathOf(event) !== '/oidc/request' || event.response.status !== 201)
      return [];
    const requestUri = jsonMembers(jsonBodyOf(event)).request_uri;
    return typeof requestUri === 'string' ? [{ seq: event.seq, requestUri }] : [];
  });
}

/** A visit of the authorization endpoint (RFC 6749 §3.1), with its query. */
export type AuthorizationVisit = {
  seq: number;
  query: URLSearchParams;
  /** The walkthrough run that sent the browser, when one did (lib/trace/run.ts). */
  run?: string;
};

export function authorizationVisits(events: readonly TraceEvent[]): AuthorizationVisit[] {
  return events.flatMap((event) =>
    event.request.method === 'GET' && pathOf(event) === '/oidc/auth'
      ? [
          {
            seq: event.seq,
            query: new URL(event.request.url).searchParams,
            ...(event.run ? { run: event.run } : {}),
          },
        ]
      : [],
  );
}

/** An authorization response: a redirect from the authorization endpoint carrying a code (§4.1.2). */
export type CodeIssued = { seq: number; code: string };

export function codesIssued(events: readonly TraceEvent[]): CodeIssued[] {
  return events.flatMap((event) => {
    const location = responseHeader(event, 'location');
    if (!location || !pathOf(event).startsWith('/oidc/auth')) return [];
    const code = new URL(location, event.request.url).searchParams.get('code');
    return code ? [{ seq: event.seq, code }] : [];
  });
}

/** A device authorization the server answered (RFC 8628 §3.2): the device's code and the user's. */
export type DeviceAuthorization = { seq: number; deviceCode: string; userCode: string };

export function deviceAuthorizations(events: readonly TraceEvent[]): DeviceAuthorization[] {
  return events.flatMap((event) => {
    if (
      event.request.method !== 'POST' ||
      pathOf(event) !== '/oidc/device/auth' ||
      event.response.status !== 200
    )
      return [];
    const { device_code: deviceCode, user_code: userCode } = jsonMembers(jsonBodyOf(event));
    return typeof deviceCode === 'string' && typeof userCode === 'string'
      ? [{ seq: event.seq, deviceCode, userCode }]
      : [];
  });
}

/** A user code entered at the verification page (RFC 8628 §3.3), as typed. */
export type UserCodeEntry = { seq: number; userCode: string };

export function userCodeEntries(events: readonly TraceEvent[]): UserCodeEntry[] {
  return events.flatMap((event) => {
    if (event.request.method !== 'POST' || pathOf(event) !== '/oidc/device') return [];
    const userCode = formOf(event)?.get('user_code');
    return userCode ? [{ seq: event.seq, userCode }] : [];
  });
}
