import type { Weakness, WeakClient } from '../oidc/weak-clients';
import type { GrantDefinition, OAuthError, WalkthroughContext } from '../walkthrough/types';

/**
 * A client registered only for the attack lab: public (a browser app, whose tokens a script can steal).
 * `weaknesses` set: deliberately vulnerable. The composition root (app/composition.ts) hands the
 * scenarios' clients to the authorization server, which registers them apart (lib/oidc/weak-clients.ts).
 */
export type LabClient = WeakClient;
export type { Weakness };

/** One switch of a scenario: "Defense: …", off to start with. */
export type Defense = {
  /** The run's parameter that holds it: `on` or `off`. */
  param: string;
  /** The accessible name, exactly: "Defense: refresh token rotation". */
  label: string;
  /** What turning it on does, in a sentence. */
  does: string;
  rfc: { label: string; href: string };
  /** Other starting values the defense sets in a fresh run (a state bound to this session). */
  alsoSets?(on: boolean): Record<string, string>;
};

/** How a run ended: the attack got what it wanted (and the proof), or a party refused it. */
export type Verdict =
  | { outcome: 'succeeded'; proof: string }
  | { outcome: 'blocked'; by: string; error: OAuthError; detail?: string };

/**
 * An attack scenario: a walkthrough whose steps play the victim and the attacker, its lab clients, the
 * defenses that stop it, and how to read the run's end as success or failure of the attack.
 */
export type AttackScenario = GrantDefinition & {
  /** The attack in one line, for the index. */
  attack: string;
  clients: readonly LabClient[];
  /** The lab's own routes this scenario attacks, deliberately vulnerable (a resource server that trusts alg). */
  vulnerableRoutes?: readonly string[];
  defenses: readonly Defense[];
  /** The demo account that signs in, unattended, when the whole attack is run (its own pages, for real). */
  signsIn?: 'alice';
  /**
   * How what the attack needs reaches the attacker's server: the step whose own request hands it over
   * (a caught code, a leaked token, the lure that serves the attacker's code, the mix-up client's token
   * request) and the attacker's route that receives and records it, drawn as an arrow into the Attacker
   * (lib/attacks/received.ts). An attack that takes nothing from the victim's side says why instead.
   */
  handOff: { step: string; receivedAt: string } | { takesNothing: string };
  /** The run's verdict once its last step answered; undefined before. */
  verdict(context: WalkthroughContext): Verdict | undefined;
  /** "The server's side of the story": what the server answers (and oidc-provider's reason) with the defense on, and why. */
  serverSide: { error: string; why: string };
  /** One real-world incident of this kind, with a link. */
  incident: { text: string; href: string; source: string };
};
