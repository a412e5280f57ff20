/**
 * Presenter view hides secrets on a projector: tokens, codes, client secrets and passwords are cut to
 * their first characters. Works on JSON, form bodies and Authorization headers alike.
 */
const SECRET_NAMES =
  'access_token|refresh_token|id_token|client_secret|client_assertion|code|code_verifier|device_code|password|token|subject_token|actor_token';

const SECRET_NAME_SET = new Set(SECRET_NAMES.split('|'));
/** A named value (a query or form parameter, a token field), masked when its name says it is secret. */
export const maskValue = (name: string, value: string) =>
  SECRET_NAME_SET.has(name) ? shorten(value) : value;

// A value masked already stays as it is, so that masking twice (in the instructor's browser, then on
// the server before a classroom room hears it) shows what the presenter view shows.
const MASKED = /^(••••|[^…]{6}…)$/u;
export const shorten = (value: string) =>
  MASKED.test(value) ? value : value.length <= 8 ? '••••' : `${value.slice(0, 6)}…`;

export function maskSecrets(text: string): string {
  return (
    text
      .replace(
        new RegExp(`("(?:${SECRET_NAMES})"\\s*:\\s*")([^"]+)(")`, 'g'),
        (_m, start: string, value: string, end: string) => `${start}${shorten(value)}${end}`,
      )
      .replace(
        // `#` too: the implicit grant's tokens come back in the fragment of a Location or callback URL;
        // `;` for the same URL written into HTML (`&amp;access_token=`), as a redirect's body has it.
        new RegExp(`((?:^|[?&#;\\s])(?:${SECRET_NAMES})=)([^&\\s"'<]+)`, 'g'),
        (_m, start: string, value: string) => `${start}${shorten(value)}`,
      )
      .replace(/(Bearer\s+)(\S+)/gi, (_m, start: string, value: string) => `${start}${shorten(value)}`)
      // A DPoP-bound token (RFC 9449 §7.1); only a token-like run, so that prose ("DPoP proof") stays.
      .replace(
        /(DPoP\s+)([\w.~+/=-]{16,})/g,
        (_m, start: string, value: string) => `${start}${shorten(value)}`,
      )
      // The request preview writes `Basic base64(client_id:<client secret>)`, spaces included.
      .replace(/(Basic\s+)(base64\([^)]*\)|\S+)/gi, (_m, start: string) => `${start}••••`)
      // A `DPoP:` header line: the proof (RFC 9449 §4.1), signed for one request but replayable within it.
      .replace(/^(dpop:\s*)(\S+)/gim, (_m, start: string, value: string) => `${start}${shorten(value)}`)
      // Cookie lines: each value is a credential, unless the recorder already put a label in its place.
      .replace(/^(cookie:\s*)(.*)$/gim, (_m, start: string, pairs: string) => `${start}${maskCookies(pairs)}`)
      .replace(
        /^(set-cookie:\s*)([^;\n]*)/gim,
        (_m, start: string, pair: string) => `${start}${maskCookies(pair)}`,
      )
  );
}

const maskCookies = (pairs: string) =>
  pairs
    .split(';')
    .map((pair) => {
      const separator = pair.indexOf('=');
      const value = pair.slice(separator + 1).trim();
      return separator < 0 || /^\[.*\]$/.test(value)
        ? pair
        : `${pair.slice(0, separator + 1)}${shorten(value)}`;
    })
    .join(';');
