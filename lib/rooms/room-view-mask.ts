import { maskSecrets, maskValue, shorten } from '../tokens/mask';

/**
 * The masking a classroom room applies to what it shares of the instructor's screen (./room-view.ts):
 * every code, token, secret, password, verifier or cookie value, wherever it stands in a URL, a header
 * or a body, is cut to the presenter view's short form (lib/tokens/mask.ts) or hidden whole.
 */

/**
 * One-time and bearer values the presenter view leaves whole, as a projector in the room may show them,
 * but a room does not: a student who reads them can use them first. A pushed request's `request_uri`
 * (RFC 9126 section 2.2: the instructor's next step fails with invalid_request_uri), a registered
 * client's `registration_access_token` (RFC 7592), a device flow's `user_code` (RFC 8628 section 3.3:
 * entered and approved as someone else, it gives the instructor's device another user's tokens), an
 * `assertion` (RFC 7521), and an `initial_access_token`. Each is hidden whole: a code's first
 * characters are most of it.
 */
const HIDDEN = '••••';
const ROOM_ONE_TIME = 'request_uri|registration_access_token|user_code|assertion|initial_access_token';
const ROOM_ONE_TIME_NAMES = new Set(ROOM_ONE_TIME.split('|'));
const ONE_TIME_JSON = new RegExp(`("(?:${ROOM_ONE_TIME})"\\s*:\\s*")([^"]+)(")`, 'g');
// In a query or a form, first or not, encoded in another URL or not (the device flow's
// verification_uri_complete names the user_code in its query).
const ONE_TIME_PARAMETER = new RegExp(`((?:${ROOM_ONE_TIME})(?:%3D|=))([^&\\s"'<%]+)`, 'gi');

// A pushed request's reference wherever it stands, in an error's description too.
const PUSHED_REQUEST_URI = /urn:ietf:params:oauth:request_uri:[^\s&"'<]+/g;

// The lab's attacker names what it stole beside the value (`kind=code&value=…`, lib/attacks/loot.ts):
// the value is masked as its kind says.
const KIND_VALUE = /((?:^|[?&#;\s])kind=([A-Za-z_]+)&value=)([^&\s"'<]+)/g;
const KIND_VALUE_JSON = /("kind"\s*:\s*"([A-Za-z_]+)"\s*,\s*"value"\s*:\s*")([^"]+)(")/g;

/** A named value masked as a room masks it: the presenter's way, and the room's one-time values whole. */
export const maskRoomValue = (name: string, value: string) =>
  ROOM_ONE_TIME_NAMES.has(name) ? HIDDEN : maskValue(name, value);

// The presenter's masking reads `?code=` and `&code=`; an implicit grant's token comes back after `#`,
// and a URL in a page's HTML writes `&amp;code=`.
const PARAMETER = /([?&#](?:amp;)?)([^=&#\s;]+)=([^&#\s"'<]*)/g;
// A JWT anywhere (an id_token_hint, a DPoP proof) is a credential whatever its name.
const JWT = /eyJ[\w-]{4,}\.[\w-]+\.[\w-]*/g;

// A password's first letters are half of it (the presenter view keeps six): a room hides it whole.
const PASSWORD = /((?:^|[?&#;\s])password=)([^&\s"'<]+)/g;
const PASSWORD_JSON = /("password"\s*:\s*")([^"]+)(")/g;

/** Free text (a URL, a header, a body) with every secret masked. */
export function maskRoomText(text: string): string {
  return maskSecrets(
    text.replace(
      PARAMETER,
      (_m, at: string, name: string, value: string) => `${at}${name}=${maskRoomValue(name, value)}`,
    ),
  )
    .replace(ONE_TIME_PARAMETER, `$1${HIDDEN}`)
    .replace(ONE_TIME_JSON, `$1${HIDDEN}$3`)
    .replace(PUSHED_REQUEST_URI, HIDDEN)
    .replace(
      KIND_VALUE,
      (_m, start: string, kind: string, value: string) => `${start}${maskRoomValue(kind, value)}`,
    )
    .replace(
      KIND_VALUE_JSON,
      (_m, start: string, kind: string, value: string, end: string) =>
        `${start}${maskRoomValue(kind, value)}${end}`,
    )
    .replace(JWT, shorten)
    .replace(PASSWORD, `$1${HIDDEN}`)
    .replace(PASSWORD_JSON, `$1${HIDDEN}$3`);
}

/** A form body masked value by value, in decoded form, as the request preview decodes it. */
export function maskForm(body: string): string {
  const pairs = body.split('&');
  const kind = pairs.find((pair) => pair.startsWith('kind='))?.slice('kind='.length);
  return pairs
    .map((pair) => {
      const separator = pair.indexOf('=');
      if (separator < 0) return pair;
      const given = pair.slice(0, separator);
      // The attacker's loot: the value is masked as its kind (./room-view-mask.ts, KIND_VALUE).
      const name = given === 'value' && kind ? kind : given;
      if (name === 'password') return `${given}=${encodeURIComponent(HIDDEN)}`;
      let value: string;
      try {
        value = decodeURIComponent(pair.slice(separator + 1).replace(/\+/g, ' '));
      } catch {
        return `${given}=${shorten(pair.slice(separator + 1))}`;
      }
      const masked = maskRoomText(maskRoomValue(name, value));
      // Only a masked value is written again: the others keep their encoding (`openid+profile`).
      return masked === value ? pair : `${given}=${encodeURIComponent(masked)}`;
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
