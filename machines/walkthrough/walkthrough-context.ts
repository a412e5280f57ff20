import type {
  GrantDefinition,
  StepAction,
  StepDefinition,
  WalkthroughContext,
} from '../../lib/walkthrough/types';

/** What a walkthrough machine is told and what it starts from; the machine is in ./create-walkthrough-machine.ts. */

export type WalkthroughEvent =
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | ({ type: 'RESTART' } & RunStart)
  | { type: 'RETRY' }
  /** "Get a new code": the authorization request again, with the parameters it was sent with. */
  | { type: 'REAUTHORIZE' }
  /** The browser came back from the authorization server without a response (its Back button, the bfcache). */
  | { type: 'RETURNED' }
  | { type: 'SET_PARAM'; name: string; value: string }
  /** The request editor: any parameter of the next request set (added or changed), left out, or put back. */
  | { type: 'SET_REQUEST_PARAM'; name: string; value: string }
  | { type: 'REMOVE_REQUEST_PARAM'; name: string }
  | { type: 'RESTORE_REQUEST_PARAM'; name: string }
  | { type: 'CALLBACK'; url: string };

/** `secrets` are the client's fresh random values (state, nonce, PKCE): made by the page, fixed in tests. */
export type RunStart = { startSeq: number; secrets: Record<string, string>; runId: string };
/** Where a run starts; the grant is the machine's own (createWalkthroughMachine). */
export type WalkthroughInput = { origin: string } & RunStart;

/** The walkthrough's context with the steps it can go back to. */
export type Context = WalkthroughContext & { history: WalkthroughContext[] };

export type SendAction = Extract<StepAction, { kind: 'send' }>;
/** What the `send` actor receives: the request to make, the step that makes it, and the walkthrough it belongs to. */
export type SendInput = { action: SendAction; step: StepDefinition; context: WalkthroughContext };

export function initialContext(
  grant: GrantDefinition,
  origin: string,
  { startSeq, secrets, runId }: RunStart,
): Context {
  // Secrets the learner may edit (state, nonce) start as the fresh random values.
  const params = Object.fromEntries(
    Object.entries(grant.defaults).map(([name, value]) => [name, secrets[name] ?? value]),
  );
  return {
    slug: grant.slug,
    origin,
    stepIndex: 0,
    params,
    values: grant.startValues?.(secrets, params) ?? { ...secrets },
    tokens: {},
    polls: [],
    startSeq,
    runId,
    history: [],
  };
}
