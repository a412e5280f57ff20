/**
 * Presenter view hides secrets on a projector: tokens, codes, client secrets and passwords are cut to
 * their first characters. Works on JSON, form bodies and Authorization headers alike.
 */
const SECRET_NAMES =
  'access_token|refresh_token|id_token|client_secret|code|code_verifier|device_code|password|token|subject_token|actor_token|client_assertion';

const SECRET_NAME_SET = new Set(SECRET_NAMES.split('|'));
/** A named value (a query or form parameter, a token field), masked when its name says it is secret. */
export const maskValue = (name: string, value: string) =>
  SECRET_NAME_SET.has(name) ? shorten(value) : value;

export const shorten = (value: string) => (value.length <= 8 ? '••••' : `${value.slice(0, 6)}…`);

export function maskSecrets(text: string): string {
  return (
    text
      .replace(
        new RegExp(`("(?:${SECRET_NAMES})"\\s*:\\s*")([^"]+)(")`, 'g'),
        (_m, start: string, value: string, end: string) => `${start}${shorten(value)}${end}`,
      )
      .replace(
        new RegExp(`((?:^|[?&\\s])(?:${SECRET_NAMES})=)([^&\\s]+)`, 'g'),
        (_m, start: string, value: string) => `${start}${shorten(value)}`,
      )
      .replace(/(Bearer\s+)(\S+)/gi, (_m, start: string, value: string) => `${start}${shorten(value)}`)
      // A DPoP-bound access token in `Authorization: DPoP <token>` (RFC 9449 §7.1); the proof itself is not masked.
      .replace(
        /(\bDPoP\s+)([A-Za-z0-9._~+/=-]{20,})/g,
        (_m, start: string, value: string) => `${start}${shorten(value)}`,
      )
      .replace(/(Basic\s+)(\S+)/gi, (_m, start: string) => `${start}••••`)
  );
}
