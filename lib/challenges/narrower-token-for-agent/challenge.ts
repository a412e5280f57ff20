import { TOKEN_EXCHANGE_GRANT_TYPE } from '../../oidc/grants/token-exchange-names';
import { issuedTokens, presentedTokens } from '../evidence';
import { changes, reads } from '../scopes';
import { challengeText } from '../text';
import type { Challenge, IssuedToken, Verdict } from '../types';
import text from './text.json';

type Exchanged = { seq: number; token: string; issued?: IssuedToken; subject?: IssuedToken };

/** What an exchange still lacks, or nothing when it is the narrower, read-only token the goal asks for. */
function lacking({ seq, issued, subject }: Exchanged): string | undefined {
  if (!issued || !subject)
    return `The server has no record of the tokens of the exchange at #${seq}: they may have expired. Try again.`;
  if (!issued.subject)
    return `The token issued at #${seq} acts for no user: exchange a token of alice’s (the subject_token).`;
  const writes = issued.scopes.filter(changes);
  if (writes.length)
    return `The token the assistant got at #${seq} can still change things: its scope includes ${writes.join(', ')}.`;
  if (!issued.scopes.some(reads))
    return `The token the assistant got at #${seq} cannot read: its scope is “${issued.scopes.join(' ')}”.`;
  if (!subject.scopes.some(changes))
    return `alice’s token (the subject_token at #${seq}) could only read already: let her grant read write, and narrow it in the exchange.`;
  return undefined;
}

/**
 * Token exchange (RFC 8693) that narrows: the assistant trades alice's token, which can write, for one
 * that can only read, and the API honours it. The scopes come from the server's records of both tokens.
 */
export const narrowerTokenForAgent: Challenge = {
  ...challengeText(text),
  async grade({ events, accessToken }): Promise<Verdict> {
    const exchanges: Exchanged[] = [];
    for (const issued of issuedTokens(events).toReversed()) {
      if (issued.form.get('grant_type') !== TOKEN_EXCHANGE_GRANT_TYPE || !issued.accessToken) continue;
      const subjectToken = issued.form.get('subject_token');
      const [token, subject] = await Promise.all([
        accessToken(issued.accessToken),
        subjectToken ? accessToken(subjectToken) : undefined,
      ]);
      exchanges.push({
        seq: issued.seq,
        token: issued.accessToken,
        ...(token ? { issued: token } : {}),
        ...(subject ? { subject } : {}),
      });
    }
    if (!exchanges.length)
      return {
        solved: false,
        missing: 'No token has been issued for a token exchange in your trace yet.',
        seen: [],
      };
    const narrowed = exchanges.find((exchanged) => !lacking(exchanged));
    if (!narrowed) return { solved: false, missing: lacking(exchanges[0]!)!, seen: [exchanges[0]!.seq] };
    const used = presentedTokens(events).find(
      (presented) =>
        presented.token === narrowed.token && presented.seq > narrowed.seq && presented.status < 400,
    );
    if (!used)
      return {
        solved: false,
        missing: `The assistant got a read-only token at #${narrowed.seq}: now call the API with it.`,
        seen: [narrowed.seq],
      };
    return {
      solved: true,
      summary: `At #${narrowed.seq} the assistant traded alice’s token (${narrowed.subject!.scopes.join(' ')}) for one with the scope “${narrowed.issued!.scopes.join(' ')}”, and the API honoured it at #${used.seq}.`,
      proof: [narrowed.seq, used.seq],
    };
  },
};
