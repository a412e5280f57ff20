import { issuedTokens, refusedTokenRequests } from '../evidence';
import { challengeText } from '../text';
import type { Challenge } from '../types';
import text from './text.json';

/**
 * Refresh token rotation with reuse detection: a rotated refresh token used again is refused, and the
 * server revokes the whole grant, so the newer refresh token dies too (RFC 9700 §4.14.2).
 */
export const refreshTokenReuse: Challenge = {
  ...challengeText(text),
  async grade({ events }) {
    const refreshes = issuedTokens(events).filter(
      (issued) => issued.form.get('grant_type') === 'refresh_token' && issued.refreshToken,
    );
    if (!refreshes.length)
      return {
        solved: false,
        missing: 'No refresh token has been rotated in your trace yet: refresh once.',
        seen: [],
      };
    const refused = refusedTokenRequests(events).filter(
      (request) => request.form.get('grant_type') === 'refresh_token',
    );
    for (const rotation of refreshes) {
      const old = rotation.form.get('refresh_token');
      const reuse = refused.find(
        (request) => request.seq > rotation.seq && request.form.get('refresh_token') === old,
      );
      if (!reuse) continue;
      const newer = refused.find(
        (request) => request.seq > reuse.seq && request.form.get('refresh_token') === rotation.refreshToken,
      );
      if (newer)
        return {
          solved: true,
          summary: `The refresh token rotated away at #${rotation.seq} was refused at #${reuse.seq}, and the one that replaced it was refused at #${newer.seq}: the grant is revoked.`,
          proof: [rotation.seq, reuse.seq, newer.seq],
        };
      return {
        solved: false,
        missing: `The old refresh token was refused at #${reuse.seq}. Now try the new one, from #${rotation.seq}.`,
        seen: [rotation.seq, reuse.seq],
      };
    }
    const last = refreshes.at(-1)!;
    return {
      solved: false,
      missing: `A refresh at #${last.seq} rotated the refresh token; the old one has not been sent again since.`,
      seen: [last.seq],
    };
  },
};
