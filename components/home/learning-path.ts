/**
 * The suggested order through the playground: the grant nearly every app uses first, then what builds
 * on it, then the grants without a user or a browser, then side by side, then broken on purpose, then
 * what modern profiles add. A step is a grant (by slug, named by the registry) or another page.
 */
export type PathStep = { grant: string; why: string } | { href: string; title: string; why: string };

/** The grant "Start here" opens. */
export const START_HERE = 'authorization-code-pkce';

export const LEARNING_PATH: readonly PathStep[] = [
  {
    grant: START_HERE,
    why: 'A user signs in at the authorization server; the app redeems the code with its code_verifier.',
  },
  { grant: 'refresh-token', why: 'A new access token without asking the user again, and rotation.' },
  { grant: 'client-credentials', why: 'A service acting for itself: no user, no browser.' },
  { grant: 'device-code', why: 'A TV or a CLI: the user approves on another device.' },
  {
    href: '/compare',
    title: 'Compare two grants',
    why: 'Side by side: who talks to whom, over which channel.',
  },
  {
    href: '/attacks',
    title: 'The attack lab',
    why: 'Steal codes and tokens from weak clients, then turn each defense on.',
  },
  {
    href: '#grants-modern',
    title: 'Modern OAuth',
    why: 'PAR, private_key_jwt, DPoP and token exchange: what FAPI 2.0 and OAuth 2.1 add.',
  },
];
