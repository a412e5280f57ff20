import { issuedTokens, presentedTokens, refusedTokenRequests } from '../evidence';
import { challengeText } from '../text';
import type { Challenge } from '../types';
import text from './text.json';

/**
 * Redeem an authorization code twice: the server refuses the second redemption and, as RFC 6749 §4.1.2
 * says it should, takes back what the first one issued.
 */
export const replayedCode: Challenge = {
  ...challengeText(text),
  async grade({ events }) {
    const redeemed = issuedTokens(events).filter(
      (issued) => issued.form.get('grant_type') === 'authorization_code',
    );
    if (!redeemed.length)
      return {
        solved: false,
        missing: 'No authorization code has been redeemed at the token endpoint in your trace yet.',
        seen: [],
      };
    const replays = refusedTokenRequests(events).filter(
      (refused) => refused.form.get('grant_type') === 'authorization_code',
    );
    for (const first of redeemed) {
      const code = first.form.get('code');
      const replay = replays.find((refused) => refused.seq > first.seq && refused.form.get('code') === code);
      if (!replay) continue;
      const later = presentedTokens(events).filter(
        (presented) => presented.seq > replay.seq && presented.token === first.accessToken,
      );
      const refused = later.find((presented) => presented.status === 401);
      if (refused)
        return {
          solved: true,
          summary: `The code redeemed at #${first.seq} was refused at #${replay.seq} (${replay.error ?? `HTTP ${replay.status}`}), and the access token it had brought was refused at #${refused.seq}.`,
          proof: [first.seq, replay.seq, refused.seq],
        };
      const honoured = later.find((presented) => presented.status < 400);
      if (honoured)
        return {
          solved: false,
          missing: `The replay was refused (#${replay.seq}), but the first access token still worked at #${honoured.seq}. Is it a JWT (a resource was asked for)? A self-contained token cannot be taken back before it expires (RFC 9068); redeem a code without resource to get an opaque one.`,
          seen: [first.seq, replay.seq, honoured.seq],
        };
      return {
        solved: false,
        missing: `The replay was refused (#${replay.seq}). Now show that the first access token (from #${first.seq}) died with it: call the API with it.`,
        seen: [first.seq, replay.seq],
      };
    }
    const strange = replays.find(
      (refused) => !redeemed.some((issued) => issued.form.get('code') === refused.form.get('code')),
    );
    if (strange)
      return {
        solved: false,
        missing: `The code refused at #${strange.seq} was never redeemed in your trace: replay a code you redeemed yourself, after its first redemption.`,
        seen: [strange.seq],
      };
    return {
      solved: false,
      missing: `Your code was redeemed (#${redeemed.at(-1)!.seq}), but not sent to the token endpoint again.`,
      seen: [redeemed.at(-1)!.seq],
    };
  },
};
