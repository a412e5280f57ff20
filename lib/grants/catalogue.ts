/**
 * The grants the playground teaches, with the one-line advice the home page gives. The walkthrough
 * of each grant lives under machines/<slug>/ (later issue); this list is what the home page shows.
 */
export type GrantSummary = {
  slug: string;
  name: string;
  rfc: string;
  useWhen: string;
  status: 'recommended' | 'legacy' | 'special-purpose';
};

export const GRANTS: GrantSummary[] = [
  {
    slug: 'authorization-code',
    name: 'Authorization code',
    rfc: 'RFC 6749 §4.1',
    useWhen: 'A web app with a server that can keep a secret.',
    status: 'recommended',
  },
  {
    slug: 'authorization-code-pkce',
    name: 'Authorization code with PKCE',
    rfc: 'RFC 7636',
    useWhen: 'Single-page and mobile apps; OAuth 2.1 requires PKCE for every client.',
    status: 'recommended',
  },
  {
    slug: 'implicit',
    name: 'Implicit (OpenID Connect id_token token)',
    rfc: 'RFC 6749 §4.2',
    useWhen: 'Nothing new: OAuth 2.1 removes it; use code with PKCE.',
    status: 'legacy',
  },
  {
    slug: 'client-credentials',
    name: 'Client credentials',
    rfc: 'RFC 6749 §4.4',
    useWhen: 'Machine to machine, no user involved.',
    status: 'recommended',
  },
  {
    slug: 'password',
    name: 'Resource owner password',
    rfc: 'RFC 6749 §4.3',
    useWhen: 'Nothing new: the app sees the password; RFC 9700 forbids it.',
    status: 'legacy',
  },
  {
    slug: 'device-code',
    name: 'Device authorization',
    rfc: 'RFC 8628',
    useWhen: 'TVs and consoles without a browser or keyboard.',
    status: 'special-purpose',
  },
  {
    slug: 'refresh-token',
    name: 'Refresh token',
    rfc: 'RFC 6749 §6',
    useWhen: 'Renewing access without asking the user again, with rotation.',
    status: 'recommended',
  },
];
