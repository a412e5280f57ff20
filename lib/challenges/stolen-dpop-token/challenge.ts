import { issuedTokens, presentedTokens, type Presented } from '../evidence';
import { challengeText } from '../text';
import type { Challenge } from '../types';
import text from './text.json';

/** A thief's copy: the token without a proof of its key, sent by the learner, not by a walkthrough's run. */
const stolenCopy = (presented: Presented) => !presented.withProof && !presented.run;

/**
 * A DPoP-bound token (RFC 9449): honoured with a proof by its key, refused when a copy comes without one.
 * Bound is what the server's own reading of the token says (cnf.jkt), not what its response says.
 */
export const stolenDpopToken: Challenge = {
  ...challengeText(text),
  async grade({ events, accessToken }) {
    const bound: { seq: number; token: string }[] = [];
    for (const issued of issuedTokens(events).toReversed())
      if (issued.accessToken && (await accessToken(issued.accessToken))?.boundTo)
        bound.push({ seq: issued.seq, token: issued.accessToken });
    if (!bound.length)
      return {
        solved: false,
        missing:
          'No token in your trace is bound to a key yet: a token request with a DPoP proof gets one (token_type DPoP).',
        seen: [],
      };
    const presented = presentedTokens(events);
    let nearest: { missing: string; seen: number[] } | undefined;
    for (const { seq, token } of bound) {
      const uses = presented.filter((one) => one.token === token && one.seq > seq);
      const honoured = uses.find((one) => one.withProof && one.status < 400);
      if (!honoured) {
        nearest ??= {
          missing: `The token issued at #${seq} is bound to a key, but has not been used with a proof yet: call the API with it, the DPoP way.`,
          seen: [seq],
        };
        continue;
      }
      const refused = uses.find((one) => stolenCopy(one) && one.seq > honoured.seq && one.status === 401);
      if (refused)
        return {
          solved: true,
          summary: `The token bound at #${seq} worked with its proof at #${honoured.seq}, and your copy of it, sent without one, was refused at #${refused.seq}.`,
          proof: [seq, honoured.seq, refused.seq],
        };
      const byTheRun = uses.find((one) => !one.withProof && one.run && one.seq > honoured.seq);
      const accepted = uses.find((one) => stolenCopy(one) && one.status < 400);
      nearest ??= accepted
        ? {
            missing: `A copy without a proof was accepted at #${accepted.seq}: that should not happen to a bound token. Look at that exchange.`,
            seen: [seq, accepted.seq],
          }
        : byTheRun
          ? {
              missing: `The walkthrough’s thief replayed it (#${byTheRun.seq}); now be the thief yourself: send the token without a proof from the composer or your terminal.`,
              seen: [seq, honoured.seq, byTheRun.seq],
            }
          : {
              missing: `The token bound at #${seq} worked with its proof (#${honoured.seq}). Now send a copy of it without a proof, as a thief would.`,
              seen: [seq, honoured.seq],
            };
    }
    return { solved: false, ...nearest! };
  },
};
