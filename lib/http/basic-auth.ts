/**
 * HTTP Basic client authentication as OAuth uses it (RFC 6749 §2.3.1): the client_id and the secret are
 * each form-encoded (application/x-www-form-urlencoded, Appendix B) before they are joined with ":" and
 * base64-encoded (RFC 7617), so that a ":" or a space in either survives. oidc-provider decodes them the
 * same way ("+" is a space). Browser-safe: the diagram reads client ids with it too.
 */

const formEncode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, '%20'));

const toBase64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const fromBase64 = (text: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(text), (char) => char.charCodeAt(0)));

/** The Authorization header's value for a client's id and secret. */
export const basicAuthorization = (clientId: string, secret: string) =>
  `Basic ${toBase64(`${formEncode(clientId)}:${formEncode(secret)}`)}`;

/**
 * The client's id and secret from an Authorization header, or nothing where the header is not HTTP
 * Basic with a client_id and a ":". A part that is not validly %-encoded throws a URIError: the client
 * has not authenticated, and the caller says so (`invalid_client`).
 */
export function basicCredentialsOf(authorization: string): { clientId: string; secret: string } | undefined {
  const [scheme, value, ...rest] = authorization.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'basic' || !value || rest.length) return undefined;
  let decoded: string;
  try {
    decoded = fromBase64(value);
  } catch {
    return undefined;
  }
  const separator = decoded.indexOf(':');
  if (separator <= 0) return undefined;
  return {
    clientId: formDecode(decoded.slice(0, separator)),
    secret: formDecode(decoded.slice(separator + 1)),
  };
}
