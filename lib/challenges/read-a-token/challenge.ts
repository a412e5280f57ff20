import { issuedTokens } from '../evidence';
import { challengeText } from '../text';
import type { Challenge, IssuedToken } from '../types';
import text from './text.json';

const words = (answer: string | undefined) => new Set((answer ?? '').split(/[\s,]+/).filter(Boolean));
const sameSet = (answer: string | undefined, actual: readonly string[]) => {
  const given = words(answer);
  return given.size === new Set(actual).size && actual.every((one) => given.has(one));
};

/** An expiry as the learner wrote it: `exp` itself, or an ISO 8601 time that names its zone. */
export function expiryOf(answer: string | undefined): number | undefined {
  const written = (answer ?? '').trim();
  if (/^\d{9,11}$/.test(written)) return Number(written);
  if (!/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/i.test(written)) return undefined;
  const ms = Date.parse(written);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** A minute either way: an ISO time read off a clock is rounded. */
const EXPIRY_SLACK_S = 60;

/** What is wrong in the learner's answers about this token, said without giving the right ones. */
function wrongAnswers(token: IssuedToken, answers: Readonly<Record<string, string>>): string[] {
  const wrong: string[] = [];
  if (!sameSet(answers.audience, token.audience ?? [])) wrong.push('the audience is not what its aud says');
  if (!sameSet(answers.scope, token.scopes)) wrong.push('the scope is not what its scope claim says');
  const expiry = expiryOf(answers.expires);
  if (expiry === undefined)
    wrong.push('the expiry is not written as exp (seconds since 1970) or as an ISO time with its zone');
  else if (Math.abs(expiry - (token.expiresAt ?? 0)) > EXPIRY_SLACK_S)
    wrong.push('the expiry is not when its exp says');
  return wrong;
}

/**
 * Read a JWT access token (RFC 9068): its audience, its scope and its expiry. The answers are checked
 * against the server's own reading of the learner's newest JWT, so they are this learner's alone: every
 * token has its own expiry.
 */
export const readAToken: Challenge = {
  ...challengeText(text),
  async grade({ events, accessToken, answers = {} }) {
    const jwts = issuedTokens(events).filter((issued) => issued.accessToken?.split('.').length === 3);
    let newest: { seq: number; token: IssuedToken } | undefined;
    for (const issued of jwts.toReversed()) {
      const token = await accessToken(issued.accessToken!);
      if (token?.audience) {
        newest = { seq: issued.seq, token };
        break;
      }
    }
    if (!newest)
      return {
        solved: false,
        missing: jwts.length
          ? 'The server does not recognise the JWT access tokens in your trace as its own. Get a new one.'
          : 'No JWT access token has been issued in your trace yet: ask for one with resource set to the API.',
        seen: [],
      };
    const { seq, token } = newest;
    if (!Object.values(answers).some((answer) => answer.trim()))
      return {
        solved: false,
        missing: `Your newest JWT access token was issued at #${seq}: answer the three questions about it, then Check.`,
        seen: [seq],
      };
    const wrong = wrongAnswers(token, answers);
    if (wrong.length)
      return {
        solved: false,
        missing: `About the token issued at #${seq}: ${wrong.join('; ')}.`,
        seen: [seq],
      };
    return {
      solved: true,
      summary: `You read the token issued at #${seq}: for ${token.audience!.join(' ')}, with the scope “${token.scopes.join(' ')}”, until ${new Date(token.expiresAt! * 1000).toISOString()}.`,
      proof: [seq],
    };
  },
};
