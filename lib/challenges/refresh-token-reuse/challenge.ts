import { issuedTokens, refusedTokenRequests } from '../evidence';
import type { Challenge } from '../types';

/**
 * Refresh token rotation with reuse detection: a rotated refresh token used again is refused, and the
 * server revokes the whole grant, so the newer refresh token dies too (RFC 9700 §4.14.2).
 */
export const refreshTokenReuse: Challenge = {
  slug: 'refresh-token-reuse',
  title: 'A rotated refresh token, used again',
  goal: 'Refresh once, then use the old refresh token again, and show that the server then refuses the new one too.',
  why: {
    text: 'A public client’s refresh token can leak. With rotation, the thief and the client each hold a token, and the first reuse of an old one tells the server that one of them is not the client: it revokes the whole grant, and both are out.',
    rfc: { label: 'RFC 9700 §4.14.2', href: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2' },
  },
  tools: [
    'A walkthrough that gets a refresh token (scope with offline_access): authorization code with PKCE',
    'Copy as curl, or any HTTP client with your playground cookie, to send a refresh request yourself',
  ],
  hints: [
    'A refresh request is a POST to the token endpoint with grant_type=refresh_token, the refresh_token and, for a public client, its client_id.',
    'Its answer brings a new refresh token: the old one has been rotated away. Send the old one again.',
    'After the refusal, send a refresh request with the new refresh token, the one the first refresh brought: it is refused too.',
  ],
  showMe: { label: 'The attack lab: refresh token replay', href: '/attacks/refresh-token-replay' },
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
