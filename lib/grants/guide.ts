/**
 * "Which grant should I use?": for each kind of app, the classic advice of RFC 6749 (2012) beside
 * current best practice (OAuth 2.1 draft, RFC 9700 Security BCP, RFC 8252 for native apps).
 */
export type GuideEntry = { app: string; classic: string; now: string; grant: string };

export const GRANT_GUIDE: GuideEntry[] = [
  {
    app: 'Single-page app (JavaScript in the browser)',
    classic: 'Implicit grant: tokens straight in the redirect.',
    now: 'Authorization code with PKCE; implicit is removed in OAuth 2.1. Better still, a backend-for-frontend that keeps tokens off the browser.',
    grant: 'authorization-code-pkce',
  },
  {
    app: 'Web app with a server',
    classic: 'Authorization code with a client secret.',
    now: 'Authorization code with a client secret and PKCE too (RFC 9700 §2.1.1).',
    grant: 'authorization-code',
  },
  {
    app: 'Machine to machine (no user)',
    classic: 'Client credentials.',
    now: 'Client credentials, ideally with private_key_jwt or mTLS instead of a shared secret.',
    grant: 'client-credentials',
  },
  {
    app: 'First-party app (your own login form)',
    classic: 'Resource owner password credentials.',
    now: 'Authorization code with PKCE through the system browser: the password grant is forbidden (RFC 9700 §2.4) and removed in OAuth 2.1.',
    grant: 'password',
  },
  {
    app: 'Third-party app acting for your users',
    classic: 'Authorization code.',
    now: 'Authorization code with PKCE, exact redirect URI matching, and short-lived, sender-constrained tokens (DPoP).',
    grant: 'authorization-code',
  },
  {
    app: 'TV, console or CLI without a browser',
    classic: 'Not covered by RFC 6749.',
    now: 'Device authorization grant (RFC 8628).',
    grant: 'device-code',
  },
];
