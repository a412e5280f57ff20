import {
  apiCalls,
  sameRun,
  tokensIssuedToClients,
  type ApiCall,
  type ClientToken,
} from '../attacker-evidence';
import { challengeText } from '../text';
import type { Challenge, Evidence } from '../types';
import text from './text.json';

const VICTIM = 'alice';

/** A refusal by the API's DPoP check (RFC 9449 §7.1): its challenge names the DPoP scheme. */
const refusedByBinding = (call: ApiCall) => call.status === 401 && /^DPoP\b/i.test(call.challenge ?? '');

const isBound = (token: ClientToken) => token.tokenType.toLowerCase() === 'dpop';

type Replay = { call: ApiCall; issued: ClientToken };

/**
 * RFC 9700 §4.10 and RFC 9449: a leaked access token replayed by the attacker's server (its party header
 * says so) at the playground's API. Solved by a bearer token the token endpoint issued to a client for
 * alice (the server's records say whose) that worked for the attacker, and a DPoP-bound one
 * (token_type DPoP) that the API refused it with its DPoP challenge, the refusal of the binding and
 * not of an expired or unknown token.
 */
export const leakedBearerToken: Challenge = {
  ...challengeText(text),
  async grade({ events, accessToken }) {
    const issued = new Map(tokensIssuedToClients(events).map((token) => [token.accessToken, token]));
    const calls = apiCalls(events);
    const replays = calls.filter((call) => call.byAttacker);
    if (!replays.length) {
      const own = calls.findLast((call) => issued.has(call.token));
      return own
        ? {
            solved: false,
            missing: `The token was presented at #${own.seq} by the client itself, not by the attacker: give it to the attacker and let it call the API.`,
            seen: [own.seq],
          }
        : {
            solved: false,
            missing: 'The attacker has not replayed a stolen access token at the API yet.',
            seen: [],
          };
    }
    const problems: { seq: number; missing: string }[] = [];
    const alicesReplay = async (call: ApiCall, bound: boolean): Promise<Replay | undefined> => {
      const token = issued.get(call.token);
      const problem = !token
        ? `the token the attacker replayed at #${call.seq} was never issued to a client in your trace: steal the one alice’s app got`
        : sameRun(call, token)
          ? `the replay at #${call.seq} was the scenario’s own step, in the run that leaked the token: stop the scenario before it, and replay the token with the Attacker’s tools`
          : await notAlices(call, accessToken);
      if (problem) problems.push({ seq: call.seq, missing: problem });
      return token && !problem && isBound(token) === bound ? { call, issued: token } : undefined;
    };
    const worked = await firstOf(
      replays.filter((call) => call.status === 200),
      (call) => alicesReplay(call, false),
    );
    const refused = await firstOf(replays.filter(refusedByBinding), (call) => alicesReplay(call, true));
    if (worked && refused)
      return {
        solved: true,
        summary: `alice’s bearer token (issued at #${worked.issued.seq}) worked for the attacker at #${worked.call.seq}. Her DPoP-bound token (issued at #${refused.issued.seq}, token_type DPoP) was refused to it at #${refused.call.seq}, 401 with the API’s DPoP challenge: the attacker has no proof by her app’s key.`,
        proof: [worked.issued.seq, worked.call.seq, refused.issued.seq, refused.call.seq],
      };
    const other = replays.findLast((call) => call.status >= 400 && !refusedByBinding(call));
    const problem = problems.at(-1);
    const hints = [
      ...(problem ? [`${problem.missing.charAt(0).toUpperCase()}${problem.missing.slice(1)}.`] : []),
      ...(other
        ? [
            `The replay refused at #${other.seq} got no DPoP challenge: the API did not accept the token at all (expired, revoked, or not a token), so the binding is not what refused it.`,
          ]
        : []),
    ];
    const half = worked
      ? `alice’s bearer token worked for the attacker at #${worked.call.seq}. Now repeat with “Defense: DPoP sender-constrained tokens” on: steal her DPoP-bound token and replay it.`
      : refused
        ? `The API refused alice’s DPoP-bound token to the attacker at #${refused.call.seq}. Now show the replay it stops: steal a bearer token (defense off) and replay it.`
        : 'No replay of alice’s token worked for the attacker, or was refused by the DPoP binding, yet.';
    return {
      solved: false,
      missing: [half, ...hints].join(' '),
      seen: [
        ...[worked, refused].flatMap((replay) => (replay ? [replay.call.seq] : [])),
        ...(problem ? [problem.seq] : []),
        ...(other ? [other.seq] : []),
      ],
    };
  },
};

async function notAlices(call: ApiCall, accessToken: Evidence['accessToken']): Promise<string | undefined> {
  const token = await accessToken(call.token);
  if (!token) return `the server has no record of the token replayed at #${call.seq}`;
  return token.subject === VICTIM
    ? undefined
    : `the token replayed at #${call.seq} is ${token.subject ?? 'no user'}’s, not alice’s: let alice sign in`;
}

async function firstOf<T, U>(items: readonly T[], find: (item: T) => Promise<U | undefined>) {
  for (const item of items) {
    const found = await find(item);
    if (found) return found;
  }
  return undefined;
}
