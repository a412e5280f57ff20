import { issuedTokens } from '../evidence';
import { challengeText } from '../text';
import { changes, reads } from '../scopes';
import type { Challenge, IssuedToken } from '../types';
import text from './text.json';

/**
 * Least privilege: a token for bob that can only read, asked for with the authorization code grant and
 * PKCE. The scope the server granted is read from its own records of the token, not from the response.
 */
export const readOnlyForBob: Challenge = {
  ...challengeText(text),
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
