/** What each JWT claim means, for the token inspector (RFC 7519, RFC 9068, OpenID Connect Core). */
export const CLAIM_EXPLANATIONS: Record<string, string> = {
  iss: 'Issuer: the authorization server that made and signed this token.',
  sub: 'Subject: who the token is about (the user, or the client itself for client credentials).',
  aud: 'Audience: who the token is for. Anyone else must refuse it.',
  exp: 'Expires at: after this time the token must be refused.',
  iat: 'Issued at: when the token was made.',
  nbf: 'Not before: the token must be refused before this time.',
  jti: 'JWT ID: a unique identifier, so a replay can be spotted.',
  auth_time: 'When the user last actually signed in.',
  nonce:
    'The random value the client sent in the authorization request: proves this ID token answers that request.',
  at_hash: 'Hash of the access token that came with this ID token: binds the two together.',
  c_hash: 'Hash of the authorization code that came with this ID token.',
  sid: 'Session ID at the authorization server, used for logout.',
  azp: 'Authorized party: the client the token was issued to.',
  acr: 'How strongly the user authenticated.',
  amr: 'Which authentication methods were used.',
  client_id: 'The client that asked for this access token (RFC 9068).',
  scope: 'What this access token allows, space-separated.',
  cnf: 'Confirmation: the key this token is bound to (DPoP), so a thief without the key cannot use it.',
  act: 'Actor (RFC 8693 §4.1): who is acting for the subject; sub stays the user, act.sub is the agent.',
  htm: 'DPoP proof: the HTTP method of the request this proof is for (RFC 9449 §4.2).',
  htu: 'DPoP proof: the URL of the request this proof is for, without query or fragment.',
  ath: 'DPoP proof: hash of the access token sent with it, so the proof fits that token only.',
  name: 'The user’s full name (profile scope).',
  given_name: 'The user’s given name (profile scope).',
  family_name: 'The user’s family name (profile scope).',
  preferred_username: 'The user’s preferred username (profile scope).',
  email: 'The user’s email address (email scope).',
  email_verified: 'Whether the email address was verified (email scope).',
  locale: 'The user’s locale (profile scope).',
  zoneinfo: 'The user’s time zone (profile scope).',
  website: 'The user’s website (profile scope).',
  updated_at: 'When the user’s profile last changed (profile scope).',
};

export const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time', 'updated_at']);

/** "in 59 minutes", "2 minutes ago", "just now": how far a time is from now. */
export function relativeTime(epochSeconds: number, nowMs: number = Date.now()): string {
  const seconds = Math.round(epochSeconds - nowMs / 1000);
  // A token decoded in the second it was issued: "in 0 seconds" would read as not yet issued.
  if (seconds === 0) return 'just now';
  const abs = Math.abs(seconds);
  const [value, unit] =
    abs < 60
      ? [abs, 'second']
      : abs < 3600
        ? [Math.round(abs / 60), 'minute']
        : abs < 86400
          ? [Math.round(abs / 3600), 'hour']
          : [Math.round(abs / 86400), 'day'];
  const phrase = `${value} ${unit}${value === 1 ? '' : 's'}`;
  return seconds >= 0 ? `in ${phrase}` : `${phrase} ago`;
}
