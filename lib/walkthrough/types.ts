import type { Channel, Role } from '../trace/types';

export type { Channel, Role };

/** Who a step says acts: one of the four roles, or the attack lab's attacker (machines/attacks). */
export type StepParty = Role | 'attacker';

/** A request parameter the learner may change before the step is sent, because changing it teaches. */
export type ParamSpec = {
  name: string;
  label: string;
  help: string;
  /** Offered values (a select); otherwise free text. */
  options?: string[];
  /** Several lines of free text (a toot). */
  multiline?: boolean;
};

/** An HTTP request as a step will send it: a form body for OAuth endpoints. */
export type RequestSpec = {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path on the playground's origin (`/oidc/token`), with its query string, or an absolute URL elsewhere. */
  path: string;
  headers?: Record<string, string>;
  form?: Record<string, string>;
  /**
   * private_key_jwt (RFC 7523 §2.2): the client backend signs a client assertion for this audience with
   * the client's private key, which stays on the server, and adds it to the form.
   */
  clientAssertion?: { aud: string };
  /**
   * RFC 9449: the browser signs a fresh DPoP proof with the client's key and sends it in the `DPoP`
   * header. `htm`/`htu` default to this request's method and URL (a different one makes a proof the
   * server must refuse); `ath` binds it to the access token sent; `nonce` is the server's last DPoP-Nonce.
   */
  dpop?: { htm?: string; htu?: string; accessToken?: string; nonce?: string };
};

/**
 * What "Next step" does:
 * - `navigate`: the front channel. The browser itself goes to the authorization server, which sends it
 *   back to the playground's callback.
 * - `send`: a back-channel call, made by the browser for a public client or by the playground's
 *   server acting as the client's backend for a confidential one (its secret never reaches the browser).
 * - `callback`: shows what came back to the redirect URI (already validated when it arrived).
 * - `visit`: a person acts elsewhere, in a new tab (the device flow's second screen, an out-of-band
 *   authorization page); the step waits for them.
 * - `skip`: nothing to send this time (an app registered before), for the reason given.
 */
export type StepAction =
  | { kind: 'navigate'; path: string }
  | {
      kind: 'send';
      via: 'browser' | 'client-backend';
      request: RequestSpec;
      /** The client that sends it, when not the grant's own (a second client, such as an agent). */
      clientId?: string;
      /**
       * The request the attack lab's attacker server sends when `request`, the lab's call to it, sets it
       * off (machines/attacks): the step's preview shows this one, the protocol request, as the attacker's.
       */
      attackerSends?: RequestSpec;
    }
  | {
      kind: 'callback';
      /**
       * Where the redirect carries what it brings when that is not the client (an attack's hand-off to the
       * attacker's server): the exchange there is the step's message (lib/diagram/main-exchange.ts).
       */
      arrivesAt?: string;
    }
  | {
      kind: 'visit';
      url: string;
      linkText: string;
      show?: { label: string; name: string; value: string };
      /** An address to offer as a QR code, so that a phone can be the other device (RFC 8628 §3.3.1). */
      qr?: string;
    }
  | { kind: 'skip'; reason: string };

/** A response as the playground received it. */
export type ExchangeResult = {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The client assertion the client backend signed for this request, and the public keys registered for the client. */
  clientAssertion?: SignedClientAssertion;
  /** The DPoP proof the browser signed for this request (RFC 9449 §4), to decode and explain. */
  dpopProof?: string;
};

export type SignedClientAssertion = { jwt: string; registeredJwks: { keys: Array<Record<string, unknown>> } };

/**
 * What a step shows beside its request, from the run's own values: the classic authorization URL next to
 * the pushed one (RFC 9126), the client assertion the backend signed, decoded and checked (RFC 7523), or
 * the DPoP proof the browser signed (RFC 9449).
 */
export type StepExhibit =
  | { kind: 'authorization-urls'; classic: string; pushed: string }
  | { kind: 'client-assertion'; jwt: string; registeredJwks: string; sentBefore?: boolean }
  | DpopProofExhibit;

/**
 * The DPoP proof the browser signed for this step's request (RFC 9449 §4.2), with the request it went
 * with (method, URL, the access token sent) and the bound token the run holds once there is one.
 */
export type DpopProofExhibit = {
  kind: 'dpop-proof';
  proof: string;
  sent: { method: string; url: string; accessToken?: string };
  boundToken?: string;
};

/** An error in OAuth's wire format (RFC 6749 section 5.2), shown verbatim. */
export type OAuthError = { error: string; error_description?: string; status?: number };

export type TokenSet = {
  access_token?: string;
  token_type?: string;
  expires_in?: number;
  scope?: string;
  refresh_token?: string;
  id_token?: string;
  /** The refresh token that rotation replaced, kept to show that reusing it fails. */
  rotated_refresh_token?: string;
  /** The last DPoP proof the client signed (RFC 9449 §4.2): a JWT of its own, shown decoded. */
  dpop_proof?: string;
  /** A second token a grant's other party holds (the user's token an agent exchanges, RFC 8693). */
  subject_token?: string;
  /** An agent's own token, naming it as the actor in a token exchange (RFC 8693 §2.1). */
  actor_token?: string;
};

/** What came back to the redirect URI, with the checks the client made. */
export type CallbackResult = {
  url: string;
  params: Record<string, string>;
  /** Where the parameters were: the query (code flow) or the fragment (implicit). */
  in: 'query' | 'fragment';
};

export type WalkthroughContext = {
  slug: string;
  /** The playground's origin, where the client's redirect URI and every endpoint live. */
  origin: string;
  stepIndex: number;
  params: Record<string, string>;
  /** Values the client made up or received along the way: state, nonce, code_verifier, code, device_code... */
  values: Record<string, string>;
  tokens: TokenSet;
  callback?: CallbackResult;
  lastResult?: ExchangeResult;
  error?: OAuthError;
  /** Responses of a polling step, oldest first (the device flow's authorization_pending answers). */
  polls: ExchangeResult[];
  /** The trace position when this run started: the HTTP log shows exchanges after it. */
  startSeq: number;
  /** Names this run's exchanges in the trace, so that two runs on one page keep their own. */
  runId: string;
  /** The learner's own changes to the current step's request: parameters added, changed or left out. */
  edits?: RequestEdits;
};

/**
 * Parameters the learner set (added, or changed beyond the step's own editors) or removed from the
 * request the current step sends, in its form or, without one, in its query. Cleared when the step is left.
 */
export type RequestEdits = { set: Record<string, string>; removed: string[] };

/**
 * What a step's response means for the walkthrough: the step succeeded (with new values and tokens), it
 * failed (with the error to show), or its answer is still pending (a poll to repeat after the interval,
 * RFC 8628 §3.5).
 */
export type StepOutcome =
  | { kind: 'succeeded'; values?: Record<string, string>; tokens?: TokenSet }
  | { kind: 'failed'; error: OAuthError }
  | { kind: 'pending'; error: OAuthError; intervalSeconds: number };

export type StepDefinition = {
  id: string;
  title: string;
  /** Plain words: what happens and why. */
  explanation: string;
  /**
   * The explanation as students following an instructor's room read it, where the solo text asks the
   * reader to act: they have no buttons, the instructor does (components/classroom/follow-view.tsx).
   */
  forFollowers?: string;
  rfc: { label: string; href: string };
  from: StepParty;
  to: StepParty;
  channel: Channel;
  params?: ParamSpec[];
  /** The primary button's name when it is not "Next step" (a toot is sent with "Post"). */
  actionLabel?: string;
  action(context: WalkthroughContext): StepAction;
  /**
   * A front-channel step whose lesson is a refusal: the error the authorization server must redirect back
   * with. That answer moves the walkthrough on; any other answer stops it with `ifAccepted`.
   */
  refusal?: { error: string; ifAccepted: string };
  /** What the step shows beside its request, derived from the run. */
  exhibit?(context: WalkthroughContext): StepExhibit | undefined;
  /** Reads the response; without it, any 2xx is success. */
  outcome?(context: WalkthroughContext, result: ExchangeResult): StepOutcome;
};

/**
 * A party a grant adds to the four roles (RFC 6749 §1.1) on the diagram: an agent acting for the user, an
 * attacker. It plays one of the four in the recorded exchanges (`playsAs`) and is told apart from it by
 * the client_id it sends (a form field, Basic authentication, or the client_id of the token it presents).
 */
export type ExtraRole = {
  id: string;
  title: string;
  playsAs: Role;
  clientId: string;
  /** What it holds from the start, in a few words. */
  holds: string[];
};

export type GrantDefinition = {
  slug: string;
  name: string;
  clientId: string;
  clientType: 'confidential' | 'public';
  summary: string;
  /** Editable parameters' starting values. */
  defaults: Record<string, string>;
  /** Fresh secrets for a run: state, nonce, code_verifier and its challenge (what a real client makes). */
  secrets(): Promise<Record<string, string>>;
  /**
   * The values a run starts with, from its fresh secrets and its parameters, when it does not keep them
   * all: a lab client with its PKCE defense off makes no code_verifier, so no party holds one.
   */
  startValues?(secrets: Record<string, string>, params: Record<string, string>): Record<string, string>;
  steps: StepDefinition[];
  /** Parties beyond the four roles, drawn as nodes of their own. */
  roles?: ExtraRole[];
};
