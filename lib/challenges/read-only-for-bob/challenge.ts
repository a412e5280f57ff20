import { issuedTokens } from '../evidence';
import type { Challenge, IssuedToken } from '../types';

/** The scopes that let a token change something (Mastodon's, which the playground's API takes). */
const changes = (scope: string) => /^(write|follow|push|admin)(:|$)/.test(scope);
const reads = (scope: string) => /^read(:|$)/.test(scope);

/**
 * Least privilege: a token for bob that can only read, asked for with the authorization code grant and
 * PKCE. The scope the server granted is read from its own records of the token, not from the response.
 */
export const readOnlyForBob: Challenge = {
  slug: 'read-only-for-bob',
  title: 'A token for bob that can only read',
  goal: 'Get an access token for bob, with the authorization code grant and PKCE, that can read his statuses and change nothing.',
  why: {
    text: 'A token can do whatever its scope allows, whoever holds it: a client should ask for the least it needs, so that a leaked token does the least harm.',
    rfc: { label: 'RFC 9700 §2.3', href: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.3' },
  },
  tools: [
    'The authorization code with PKCE walkthrough and its parameter scope',
    'The authorization server’s sign-in page (bob / builder)',
  ],
  hints: [
    'The scope parameter of the authorization request says what the token may do.',
    'Mastodon’s scopes: read reads, write (and follow, push) change things. Keep read, drop write.',
    'In the PKCE walkthrough set scope to “openid read”, press Next step, and sign in as bob / builder, not alice.',
  ],
  showMe: { label: 'Authorization code with PKCE', href: '/grants/authorization-code-pkce' },
  async grade({ events, accessToken }) {
    const redeemed = issuedTokens(events).filter(
      (issued) => issued.form.get('grant_type') === 'authorization_code' && issued.accessToken,
    );
    if (!redeemed.length)
      return {
        solved: false,
        missing: 'No access token has been issued for an authorization code in your trace yet.',
        seen: [],
      };
    const graded: { seq: number; token: IssuedToken | undefined; pkce: boolean }[] = [];
    for (const issued of redeemed.toReversed())
      graded.push({
        seq: issued.seq,
        token: await accessToken(issued.accessToken!),
        pkce: Boolean(issued.form.get('code_verifier')),
      });
    const solved = graded.find(
      ({ token, pkce }) =>
        pkce && token?.subject === 'bob' && token.scopes.some(reads) && !token.scopes.some(changes),
    );
    if (solved)
      return {
        solved: true,
        summary: `The token issued at #${solved.seq} is bob’s, with the scope “${solved.token!.scopes.join(' ')}”: it reads, and changes nothing.`,
        proof: [solved.seq],
      };
    // What the newest attempt lacks, in the order a learner meets it.
    const { seq, token, pkce } = graded[0]!;
    const missing = !token
      ? `The server has no record of the token issued at #${seq}: it may have expired. Try again.`
      : !pkce
        ? `The code redeemed at #${seq} was redeemed without a code_verifier: use PKCE.`
        : token.subject !== 'bob'
          ? `A token was issued at #${seq}, but for ${token.subject ?? 'no user'}: sign in as bob.`
          : token.scopes.some(changes)
            ? `A token was issued to bob at #${seq}, but its scope includes ${token.scopes.filter(changes).join(', ')}.`
            : `A token was issued to bob at #${seq}, but it cannot read: its scope is “${token.scopes.join(' ')}”.`;
    return { solved: false, missing, seen: [seq] };
  },
};
