import { ON_BEHALF_HEADER } from '../http/on-behalf';
import { PEER_HEADER } from '../http/peer-address';
import { isLearnerCookieName } from './learner';
import { RUN_COOKIE } from './run';

/**
 * What the trace shows in place of the playground's own secrets. A learner should see that the
 * browser sent its session cookie, and which one, but the value is a bearer credential: anyone who
 * copies it from a projected log becomes that learner (or signs in as them at the authorization
 * server). So the name stays and the value becomes a label.
 */
const OIDC_PROVIDER_COOKIE = /^_(session|interaction|interaction_resume|state)(\.[\w.-]+)?$/;

function labelFor(name: string): string | undefined {
  if (isLearnerCookieName(name)) return '[learner id, hidden]';
  if (name === RUN_COOKIE) return '[run id, hidden]';
  if (OIDC_PROVIDER_COOKIE.test(name)) return '[authorization server cookie, hidden]';
  return undefined;
}

const labelPair = (pair: string): string => {
  const separator = pair.indexOf('=');
  if (separator < 0) return pair;
  const name = pair.slice(0, separator).trim();
  const label = labelFor(name);
  return label ? `${name}=${label}` : pair;
};

/** A Cookie header with our cookies' values replaced: `a=1; playground_learner=[learner id, hidden]`. */
export const labelCookieHeader = (value: string): string =>
  value
    .split(';')
    .map((pair) => labelPair(pair.trim()))
    .join('; ');

/** A Set-Cookie header: only the first pair is the cookie, the rest are its attributes. */
export function labelSetCookie(value: string): string {
  const end = value.indexOf(';');
  return end < 0 ? labelPair(value) : `${labelPair(value.slice(0, end))}${value.slice(end)}`;
}

/**
 * The headers the server itself adds for its own use: the peer address it stamps is not part of the
 * exchange; the on-behalf header is, on a loopback call, but carries the learner's id.
 */
export function recordedHeaderValue(name: string, value: string): string | undefined {
  if (name === PEER_HEADER) return undefined;
  if (name === ON_BEHALF_HEADER) return '[signed by the playground: the learner and their address, hidden]';
  if (name === 'cookie') return labelCookieHeader(value);
  if (name === 'set-cookie') return labelSetCookie(value);
  return value;
}
