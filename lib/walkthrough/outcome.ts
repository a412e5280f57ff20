import { reasonPhrase } from '../http/reason-phrase';
import { jsonMembers } from './response-bodies';
import type { ExchangeResult } from './types';

/** "400 Bad Request": the status and its reason phrase (RFC 9110 §15), where it has one. */
export const statusLine = (status: number) => `${status} ${reasonPhrase(status)}`.trim();

const TOKEN_NAMES: [field: string, name: string][] = [
  ['access_token', 'an access token'],
  ['refresh_token', 'a refresh token'],
  ['id_token', 'an ID token'],
  ['issued_token_type', 'an exchanged token'],
];

const list = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * A successful response in one line, read from its body: the tokens a token endpoint issued (RFC 6749
 * §5.1), the codes a device authorization or a pushed request returned (RFC 8628 §3.2, RFC 9126 §2.2),
 * or the fields an API answered with. It says what arrived, never what a step hoped for.
 */
export function responseMeaning(result: ExchangeResult): string {
  const { status, body } = result;
  if (status === 204 || body === undefined || body === null || body === '')
    return 'The server answered with no body.';
  if (typeof body !== 'object') return 'The server answered with a text body.';
  const fields = jsonMembers(body);
  const tokens = TOKEN_NAMES.filter(([field]) => typeof fields[field] === 'string').map(([, name]) => name);
  if (tokens.length)
    return `The server issued ${list(tokens)}${fields.scope ? ` for scope “${String(fields.scope)}”` : ''}.`;
  if (typeof fields.device_code === 'string')
    return `The server issued a device_code and the user_code ${String(fields.user_code ?? '')} to show the user.`;
  if (typeof fields.request_uri === 'string')
    return `The server stored the request as ${fields.request_uri}.`;
  if (Array.isArray(body))
    return `The server answered with a list of ${body.length} item${body.length === 1 ? '' : 's'}.`;
  const keys = Object.keys(fields);
  // An OAuth error code is named (RFC 6749 §5.2); an API's sentence is left to the body shown above.
  if (typeof fields.error === 'string')
    return /^[a-z_]+$/.test(fields.error)
      ? `The server answered ${fields.error}.`
      : 'The server refused the request: its reason is in the response body.';
  return keys.length
    ? `The server answered with ${list(keys.slice(0, 4).map((key) => key))}${keys.length > 4 ? ` and ${keys.length - 4} more fields` : ''}.`
    : 'The server answered with an empty object.';
}
