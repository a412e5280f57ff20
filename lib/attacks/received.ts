import { recordedRoute } from '../trace/record-route';
import { isRole } from '../trace/roles';
import type { Role } from '../trace/types';
import { attackerLimited } from './attacker-rate-limit';

/**
 * A route of the attacker's server that receives something from a victim's side: the code or token a
 * malicious app or an injected script hands over, the page alice is lured to, the mix-up client's
 * requests to the attacker's authorization server. Each exchange is recorded into the learner's trace,
 * so the hand-off is an exchange of the HTTP log and an arrow into the Attacker on the diagram (drawn
 * there from its path, lib/attacks/party.ts). It is recorded as the role the attacker's server plays
 * for that request (a client's backend receiving loot, an authorization server for the mix-up client).
 *
 * Each is counted by the attacker's rate limit (./attacker-rate-limit.ts), a refusal recorded like any answer.
 *
 * The lab's control calls (the page asking the attacker's server to redeem or replay what it holds)
 * are not recorded: only the requests the attacker's server then sends are, as the attacker's.
 *
 * The route says which role it records as (`recordedAs`), so that a scenario's hand-off can be checked
 * against the lab's route table (machines/attacks/hand-off.test.ts).
 */
export const receivedByAttacker = <Context>(
  playsAs: Role,
  handler: (request: Request, context: Context) => Promise<Response> | Response,
) => Object.assign(recordedRoute<Context>(playsAs, attackerLimited(handler)), { recordedAs: playsAs });

/** The role a lab route records its exchanges as, when it is a receiving route of the attacker's. */
export const recordedAsOf = (route: unknown): Role | undefined =>
  typeof route === 'function' && 'recordedAs' in route && isRole(route.recordedAs)
    ? route.recordedAs
    : undefined;
