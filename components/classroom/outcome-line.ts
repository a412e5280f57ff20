import type { RoomOutcome } from '@/lib/rooms/room-outcome';
import type { AuthorizationServerPage } from '@/lib/rooms/authorization-server-page';
import { phaseText } from '../walkthrough/step-phase';

const ANSWERED_BY = {
  'resource-owner': 'The browser',
  client: 'The client',
  'authorization-server': 'The authorization server',
  'resource-server': 'The resource server',
  attacker: 'The attacker',
} as const;

export type AnsweredBy = keyof typeof ANSWERED_BY;

/** What the instructor is doing at the authorization server's own pages, said as it happens. */
export const AT_AUTHORIZATION_SERVER: Record<AuthorizationServerPage, string> = {
  'sign-in': 'The instructor is signing in at the authorization server',
  consent: 'The instructor is consenting at the authorization server',
};

/** The send was answered and not refused: a 2xx, or a redirect the walkthrough follows. */
export const accepted = ({ response, error }: RoomOutcome) =>
  response !== undefined && response.status >= 200 && response.status < 400 && !error;

/**
 * The outcome of the instructor's send in one line, from what came back: who answered, the status
 * as the badge reads it, and whether that accepted, redirected or refused the request. A refusal with
 * no response is the client's own (a state or issuer that does not match).
 */
export function outcomeLine(outcome: RoomOutcome, to: AnsweredBy): string | undefined {
  const { response, error } = outcome;
  const status = response?.status ?? error?.status;
  if (status === undefined) return error ? `The client refused the response: ${error.error}.` : undefined;
  const answered = `${ANSWERED_BY[to]} answered ${phaseText({ kind: 'answered', status }).replace(/^sent: /, '')}`;
  if (error) return `${answered}: it refused the request with ${error.error}.`;
  if (status >= 200 && status < 300) return `${answered}: it accepted the request.`;
  if (status >= 300 && status < 400) return `${answered}: it sends the browser on to the Location.`;
  return `${answered}: the request did not succeed.`;
}
