import { readEnv } from '../../config/env';
import {
  codeRedemptions,
  issuedCodes,
  sameRun,
  type CodeRedemption,
  type IssuedCode,
} from '../attacker-evidence';
import { challengeText } from '../text';
import type { Challenge, Evidence } from '../types';
import { byTheScenario, otherCauseOf } from './pkce-refusal';
import text from './text.json';

const VICTIM = 'alice';

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

type Theft = { issued: IssuedCode; redeemed: CodeRedemption };

/**
 * RFC 7636 §1: the learner plays the malicious app. Solved by two redemptions the attacker's server sent
 * (its party header says so) of codes the authorization endpoint issued to alice's browser: one without
 * PKCE that brought a token the server's records give to alice, and one of a code bound to a
 * code_challenge that the token endpoint refused, for no other cause the trace shows.
 */
export const stolenCode: Challenge = {
  ...challengeText(text),
  async grade({ events, accessToken }) {
    const alicesCodes = new Map(
      issuedCodes(events)
        .filter((issued) => !issued.byAttacker)
        .map((issued) => [issued.code, issued]),
    );
    const redemptions = codeRedemptions(events);
    const attackers = redemptions.filter((redemption) => redemption.byAttacker);
    if (!attackers.length) {
      const own = redemptions.findLast((redemption) => alicesCodes.has(redemption.code));
      return own
        ? {
            solved: false,
            missing: `alice’s code was redeemed at #${own.seq} by the client itself, not by the attacker: hand a caught code to the attacker (“Give it to the attacker”) and let it redeem it (“Redeem the caught code”).`,
            seen: [own.seq],
          }
        : {
            solved: false,
            missing: 'The attacker has not redeemed an authorization code in your trace yet.',
            seen: [],
          };
    }
    const theft = await findTheft(attackers, alicesCodes, accessToken);
    const ttl = readEnv().authorizationCodeTtl;
    const refusals = attackers
      .filter((redemption) => redemption.status >= 400)
      .map((refused) => ({
        refused,
        cause: otherCauseOf(refused, alicesCodes.get(refused.code), redemptions, ttl),
      }));
    const defended = refusals.find(({ cause }) => cause === undefined)?.refused;
    if ('issued' in theft && defended) {
      const bound = alicesCodes.get(defended.code)!;
      return {
        solved: true,
        summary: `Without PKCE the attacker redeemed alice’s code (issued at #${theft.issued.seq}) at #${theft.redeemed.seq} and got her access token. With PKCE her code (issued at #${bound.seq}) was refused to the attacker at #${defended.seq}, invalid_grant: it had no code_verifier.`,
        proof: [theft.issued.seq, theft.redeemed.seq, bound.seq, defended.seq],
      };
    }
    if ('issued' in theft) {
      const other = refusals.at(-1);
      return {
        solved: false,
        missing: other
          ? `The attacker stole alice’s token at #${theft.redeemed.seq}, but the refusal does not show PKCE at work: ${other.cause}.`
          : `The attacker stole alice’s token with her code at #${theft.redeemed.seq}. Now repeat the theft with PKCE on (“Defense: PKCE”) and see the attacker’s redemption refused.`,
        seen: [theft.redeemed.seq, ...(other ? [other.refused.seq] : [])],
      };
    }
    if (defended)
      return {
        solved: false,
        missing: `PKCE stopped the attacker at #${defended.seq}. Now show the theft it stops: ${theft.missing}`,
        seen: [defended.seq, ...theft.seen],
      };
    const other = refusals.at(-1);
    return {
      solved: false,
      missing: `${sentence(theft.missing)}${other ? ` As for the refusal: ${other.cause}.` : ''}`,
      seen: [...theft.seen, ...(other ? [other.refused.seq] : [])],
    };
  },
};

/** The attacker's successful redemption of alice's code for alice's token, or what the newest attempt lacks. */
async function findTheft(
  attackers: readonly CodeRedemption[],
  alicesCodes: ReadonlyMap<string, IssuedCode>,
  accessToken: Evidence['accessToken'],
): Promise<Theft | { missing: string; seen: number[] }> {
  let lack = {
    missing: 'catch alice’s code from a client without PKCE and let the attacker redeem it.',
    seen: [] as number[],
  };
  for (const redeemed of attackers.filter((redemption) => redemption.accessToken)) {
    const issued = alicesCodes.get(redeemed.code);
    if (issued && sameRun(redeemed, issued)) {
      lack = { missing: `${byTheScenario(`#${redeemed.seq}`)}.`, seen: [redeemed.seq] };
      continue;
    }
    const token = await accessToken(redeemed.accessToken!);
    if (issued && token?.subject === VICTIM) return { issued, redeemed };
    const whose = token ? (token.subject ?? 'no user') : undefined;
    lack = {
      missing: !issued
        ? `the code the attacker redeemed at #${redeemed.seq} never came back to alice’s browser in your trace (the attacker’s own?): catch hers.`
        : whose
          ? `the token the attacker got at #${redeemed.seq} is ${whose}’s, not alice’s: let alice sign in.`
          : `the server has no record of the token the attacker got at #${redeemed.seq}: it may have expired. Try again.`,
      seen: [redeemed.seq],
    };
  }
  return lack;
}
