import { authorizationVisits, codesIssued, issuedTokens, pushedRequests } from '../evidence';
import { challengeText } from '../text';
import type { Challenge } from '../types';
import text from './text.json';

/**
 * Pushed authorization requests: the parameters go to the server over the back channel first, and
 * the browser carries only a reference to them (RFC 9126).
 */
export const pushedRequest: Challenge = {
  ...challengeText(text),
  async grade({ events }) {
    const pushed = pushedRequests(events);
    if (!pushed.length)
      return {
        solved: false,
        missing: 'No authorization request has been pushed to /oidc/request in your trace yet.',
        seen: [],
      };
    const visits = authorizationVisits(events);
    const codes = codesIssued(events);
    const redeemed = issuedTokens(events).filter(
      (issued) => issued.form.get('grant_type') === 'authorization_code',
    );
    for (const push of pushed.toReversed()) {
      const visit = visits.find(
        (candidate) => candidate.seq > push.seq && candidate.query.get('request_uri') === push.requestUri,
      );
      if (!visit) continue;
      const carried = [...visit.query.keys()].filter(
        (name) => name !== 'client_id' && name !== 'request_uri',
      );
      if (carried.length)
        return {
          solved: false,
          missing: `The browser opened the pushed request at #${visit.seq}, but also carried ${carried.join(', ')}: with PAR it carries client_id and request_uri only.`,
          seen: [push.seq, visit.seq],
        };
      const issued = codes.filter((code) => code.seq > visit.seq);
      const tokens = redeemed.find((token) => issued.some((code) => code.code === token.form.get('code')));
      if (tokens) {
        const code = issued.find((candidate) => candidate.code === tokens.form.get('code'))!;
        return {
          solved: true,
          summary: `The request pushed at #${push.seq} was opened by reference at #${visit.seq}, its code came back at #${code.seq} and was redeemed for tokens at #${tokens.seq}.`,
          proof: [push.seq, visit.seq, code.seq, tokens.seq],
        };
      }
      return {
        solved: false,
        missing: `The pushed request was opened at #${visit.seq}; now sign in, allow, and redeem the code it brings.`,
        seen: [push.seq, visit.seq],
      };
    }
    return {
      solved: false,
      missing: `A request was pushed at #${pushed.at(-1)!.seq}, but no browser opened /oidc/auth with its request_uri.`,
      seen: [pushed.at(-1)!.seq],
    };
  },
};
