import { base64url } from 'jose';
import { createHash } from 'node:crypto';
import { authorizationVisits, codesIssued, issuedTokens } from '../evidence';
import { challengeText } from '../text';
import type { Challenge } from '../types';
import text from './text.json';

/** RFC 7636 §4.2: the S256 code_challenge of a code_verifier. */
const s256 = (verifier: string) => base64url.encode(createHash('sha256').update(verifier).digest());

/**
 * The authorization request written by the learner, in the address bar, with PKCE S256 and state, and
 * the flow finished by hand: the code redeemed with the verifier whose hash the request carried.
 */
export const requestByHand: Challenge = {
  ...challengeText(text),
  async grade({ events }) {
    const visits = authorizationVisits(events).filter((visit) => visit.query.get('response_type') === 'code');
    const byHand = visits.filter((visit) => !visit.run);
    if (!byHand.length)
      return {
        solved: false,
        missing: visits.length
          ? 'Every authorization request in your trace was sent by a walkthrough: write one yourself in the address bar. (If you left a walkthrough at the authorization server, finish or restart it first.)'
          : 'No authorization request for a code has reached /oidc/auth in your trace yet.',
        seen: visits.length ? [visits.at(-1)!.seq] : [],
      };
    const codes = codesIssued(events);
    const redeemed = issuedTokens(events).filter(
      (issued) => issued.form.get('grant_type') === 'authorization_code',
    );
    // What each hand-written request led to: the code that came back before the next request, and its redemption.
    const outcome = (visit: (typeof byHand)[number]) => {
      const next = visits.find((later) => later.seq > visit.seq)?.seq ?? Infinity;
      const code = codes.find((issued) => issued.seq > visit.seq && issued.seq < next);
      const tokens =
        code && redeemed.find((issued) => issued.seq > code.seq && issued.form.get('code') === code.code);
      return { code, tokens };
    };
    const wellFormed = (visit: (typeof byHand)[number]) =>
      visit.query.get('code_challenge_method') === 'S256' &&
      Boolean(visit.query.get('code_challenge')) &&
      Boolean(visit.query.get('state'));
    for (const visit of byHand.filter(wellFormed)) {
      const { code, tokens } = outcome(visit);
      if (
        code &&
        tokens &&
        s256(tokens.form.get('code_verifier') ?? '') === visit.query.get('code_challenge')
      )
        return {
          solved: true,
          summary: `Your request at #${visit.seq} (S256 challenge, state) brought a code at #${code.seq}, redeemed with its verifier at #${tokens.seq}.`,
          proof: [visit.seq, code.seq, tokens.seq],
        };
    }
    const newest = byHand.at(-1)!;
    if (wellFormed(newest)) {
      const { code } = outcome(newest);
      return {
        solved: false,
        missing: code
          ? `Your request at #${newest.seq} brought a code at #${code.seq}: now redeem it at the token endpoint with the code_verifier of your challenge.`
          : `Your request at #${newest.seq} has not brought a code back yet: sign in and allow.`,
        seen: code ? [newest.seq, code.seq] : [newest.seq],
      };
    }
    const { query } = newest;
    const lacking = [
      ...(query.get('code_challenge_method') !== 'S256' ? ['code_challenge_method=S256'] : []),
      ...(!query.get('code_challenge') ? ['a code_challenge'] : []),
      ...(!query.get('state') ? ['a state'] : []),
    ];
    return {
      solved: false,
      missing: `Your request at #${newest.seq} lacks ${lacking.join(' and ')}.`,
      seen: [newest.seq],
    };
  },
};
