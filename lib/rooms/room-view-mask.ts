import { maskSecrets, maskValue, shorten } from '../tokens/mask';

/**
 * The masking a classroom room applies to what it shares of the instructor's screen (./room-view.ts):
 * every code, token, secret, password, verifier or cookie value, wherever it stands in a URL, a header
 * or a body, is cut to the presenter view's short form (lib/tokens/mask.ts) or hidden whole.
 */

// The presenter's masking reads `?code=` and `&code=`; an implicit grant's token comes back after `#`,
// and a URL in a page's HTML writes `&amp;code=`.
const PARAMETER = /([?&#](?:amp;)?)([^=&#\s;]+)=([^&#\s"'<]*)/g;
// A JWT anywhere (an id_token_hint, a DPoP proof) is a credential whatever its name.
const JWT = /eyJ[\w-]{4,}\.[\w-]+\.[\w-]*/g;

// A password's first letters are half of it (the presenter view keeps six): a room hides it whole.
const PASSWORD = /((?:^|[?&#;\s])password=)([^&\s"'<]+)/g;
const PASSWORD_JSON = /("password"\s*:\s*")([^"]+)(")/g;
const HIDDEN = '••••';

/** Free text (a URL, a header, a body) with every secret masked. */
export function maskRoomText(text: string): string {
  return maskSecrets(
    text.replace(
      PARAMETER,
      (_m, at: string, name: string, value: string) => `${at}${name}=${maskValue(name, value)}`,
    ),
  )
    .replace(JWT, shorten)
    .replace(PASSWORD, `$1${HIDDEN}`)
    .replace(PASSWORD_JSON, `$1${HIDDEN}$3`);
}

/** A form body masked value by value, in decoded form, as the request preview decodes it. */
export function maskForm(body: string): string {
  return body
    .split('&')
    .map((pair) => {
      const separator = pair.indexOf('=');
      if (separator < 0) return pair;
      const name = pair.slice(0, separator);
      if (name === 'password') return `${name}=${encodeURIComponent(HIDDEN)}`;
      let value: string;
      try {
        value = decodeURIComponent(pair.slice(separator + 1).replace(/\+/g, ' '));
      } catch {
        return `${name}=${shorten(pair.slice(separator + 1))}`;
      }
      const masked = maskRoomText(maskValue(name, value));
      // Only a masked value is written again: the others keep their encoding (`openid+profile`).
      return masked === value ? pair : `${name}=${encodeURIComponent(masked)}`;
    })
    .join('&');
}

// Cookie values the recorder did not replace by a label (`[learner id, hidden]`) are masked too.
const maskCookiePair = (pair: string) => {
  const separator = pair.indexOf('=');
  if (separator < 0) return pair;
  const value = pair.slice(separator + 1).trim();
  return /^\[[^\]]*hidden\]$/.test(value) ? pair : `${pair.slice(0, separator)}=••••`;
};

// Headers whose whole value is a credential: its scheme may stay, the rest never does. The run id is
// hidden as its cookie is (lib/trace/cookie-labels.ts).
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'dpop',
  'x-playground-on-behalf',
  'x-playground-run',
]);
// What the recorder wrote in place of a value: `[signed by the playground, hidden]`.
const isLabel = (value: string) => /^\[[^\]]*\]$/.test(value);

export const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function maskHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'cookie')
    return value
      .split(';')
      .map((pair) => maskCookiePair(pair.trim()))
      .join('; ');
  if (lower === 'set-cookie') {
    const end = value.indexOf(';');
    return end < 0 ? maskCookiePair(value) : `${maskCookiePair(value.slice(0, end))}${value.slice(end)}`;
  }
  if (CREDENTIAL_HEADERS.has(lower) && !isLabel(value)) {
    const [scheme = '', ...rest] = value.split(' ');
    if (!rest.length) return shorten(value);
    // As the presenter view shows HTTP Basic: nothing of the client's credentials.
    return `${scheme} ${scheme.toLowerCase() === 'basic' ? '••••' : shorten(rest.join(' '))}`;
  }
  return maskRoomText(value);
}
