import { codeRedemptions, forgedCallbacks, issuedCodes, type ForgedCallback } from '../attacker-evidence';
import { challengeText } from '../text';
import type { Challenge, Verdict } from '../types';
import text from './text.json';

const ATTACKERS_ACCOUNT = 'bob';

/**
 * Login CSRF (RFC 9700 §4.7, RFC 6749 §10.12), graded from what the servers saw. The forged login: a code
 * the attacker got in its own session (its party header), a browser sent to the client's callback with
 * it by the attacker's page, and the client (not the attacker) redeeming it for a token the server's
 * records give to bob. The defense is the client's own and sends nothing: the server sees a client's
 * run wait for an answer (the run cookie its navigation sets, lib/trace/run.ts), the attacker's code
 * delivered to it, and that code never redeemed.
 */
export const forgedCallback: Challenge = {
  ...challengeText(text),
  async grade({ events, accessToken }) {
    const attackersCodes = new Set(
      issuedCodes(events)
        .filter((issued) => issued.byAttacker)
        .map((issued) => issued.code),
    );
    const forged = forgedCallbacks(events);
    if (!forged.length)
      return {
        solved: false,
        missing: attackersCodes.size
          ? 'The attacker got a code for bob, but no browser has been sent to the client’s callback with it yet: open the forged callback.'
          : 'The attacker has not got a code for its own account in your trace yet.',
        seen: [],
      };
    const lured = forged.filter((callback) => attackersCodes.has(callback.code));
    if (!lured.length)
      return {
        solved: false,
        missing: `The code your browser was sent with at #${forged.at(-1)!.seq} is not one the attacker got in its own session: get a code for bob first.`,
        seen: [forged.at(-1)!.seq],
      };
    const redemptions = codeRedemptions(events);
    const redeemedAfter = (callback: ForgedCallback) =>
      redemptions.filter((redemption) => redemption.code === callback.code && redemption.seq > callback.seq);
    const neverRedeemed = (callback: ForgedCallback) =>
      !redemptions.some((redemption) => redemption.code === callback.code);

    let attack: { callback: ForgedCallback; seq: number } | undefined;
    let lack: Omit<Extract<Verdict, { solved: false }>, 'solved'> | undefined;
    for (const callback of lured) {
      for (const redeemed of redeemedAfter(callback).filter((each) => !each.byAttacker && each.accessToken)) {
        const token = await accessToken(redeemed.accessToken!);
        if (token?.subject === ATTACKERS_ACCOUNT) attack = { callback, seq: redeemed.seq };
        else
          lack = {
            missing: token
              ? `The client redeemed the code at #${redeemed.seq}, but the token is ${token.subject ?? 'no user'}’s, not bob’s: the forged login must sign alice in as the attacker.`
              : `The server has no record of the token the client got at #${redeemed.seq}: it may have expired. Try again.`,
            seen: [callback.seq, redeemed.seq],
          };
      }
    }
    const refused = lured.find((callback) => callback.run && neverRedeemed(callback));
    if (attack && refused)
      return {
        solved: true,
        summary: `Without state the client redeemed bob’s code from the forged callback (#${attack.callback.seq}) at #${attack.seq}: alice was signed in as bob. With the defense, the client waiting at #${refused.seq} never redeemed the forged code: it refused a response it had not asked for.`,
        proof: [attack.callback.seq, attack.seq, refused.seq],
      };
    if (attack) {
      const unwaited = lured.find((callback) => !callback.run && neverRedeemed(callback));
      return {
        solved: false,
        missing: unwaited
          ? `Bob’s code from the forged callback at #${unwaited.seq} was never redeemed, but no client was waiting for an answer in that browser: repeat the forged login with a client that holds a state bound to alice’s session (“Defense: state parameter”).`
          : `The forged login worked: the client redeemed bob’s code at #${attack.seq}. Now repeat it with state bound to alice’s session (“Defense: state parameter”) and see the client refuse it.`,
        seen: [attack.callback.seq, attack.seq, ...(unwaited ? [unwaited.seq] : [])],
      };
    }
    if (lack) return { solved: false, ...lack };
    const byAttacker = lured.flatMap(redeemedAfter).find((redemption) => redemption.byAttacker);
    if (byAttacker)
      return {
        solved: false,
        missing: `The attacker redeemed bob’s code itself at #${byAttacker.seq}: that signs in nobody but the attacker. The client in alice’s browser must redeem it.`,
        seen: [byAttacker.seq],
      };
    if (refused)
      return {
        solved: false,
        missing: `The client waiting at #${refused.seq} never redeemed bob’s code: the defended half. Now show the forged login it stops: with the defense off, the client redeems bob’s code and signs alice in as bob.`,
        seen: [refused.seq],
      };
    const last = lured.at(-1)!;
    return {
      solved: false,
      missing: `Your browser was sent to the client’s callback with bob’s code at #${last.seq}, but no client was waiting for an answer there, so nobody redeemed it. The client without state that takes it is the attack lab’s “Login CSRF without state”.`,
      seen: [last.seq],
    };
  },
};
