import type { TraceEvent } from '../trace/types';

/**
 * What the authorization server knows of an access token it issued (its own records: the token's
 * signature or its stored grant), never what a browser says of it.
 */
export type IssuedToken = {
  /** The account the token acts for; none for a client's own token (client credentials). */
  subject?: string;
  clientId: string;
  scopes: readonly string[];
  /** Whether the server still honours it (an opaque token can die before it expires: RFC 9700 §4.14). */
  active: boolean;
  /** Its audience (`aud`, RFC 9068 §2.2; the resource it was asked for, RFC 8707). */
  audience?: readonly string[];
  /** When it expires, in seconds since 1970 (`exp`). */
  expiresAt?: number;
  /** The thumbprint of the key it is bound to (`cnf.jkt`, RFC 9449 §6), when it is sender-constrained. */
  boundTo?: string;
};

/**
 * What a challenge is graded on: the learner's trace as the playground's servers recorded it (however the
 * requests were sent: a walkthrough, the address bar, curl with the learner's cookie), and the
 * authorization server's own records. Nothing a browser claims is evidence.
 */
export type Evidence = {
  events: readonly TraceEvent[];
  accessToken(token: string): Promise<IssuedToken | undefined>;
  /** The learner's answers to the challenge's questions, when it asks any: graded against the evidence. */
  answers?: Readonly<Record<string, string>>;
};

/** A question a challenge asks about the learner's own evidence (what their token says, say). */
export type Question = { name: string; label: string; help: string };

/**
 * A grade: solved, with the exchanges that prove it (their positions in the learner's trace, for the
 * HTTP log to highlight), or not yet, with what is missing, said from what the server saw.
 */
export type Verdict =
  | { solved: true; summary: string; proof: readonly number[] }
  | { solved: false; missing: string; seen: readonly number[] };

/** A challenge: one folder in lib/challenges/ and one line in its registry. */
export type Challenge = {
  slug: string;
  title: string;
  /** The goal in one sentence. */
  goal: string;
  /** Why it matters, with the section of the RFC that says so. */
  why: { text: string; rfc: { label: string; href: string } };
  /** What the learner may use. */
  tools: readonly string[];
  /** Three hints, each saying more than the one before. */
  hints: readonly [string, string, string];
  /** The walkthrough or scenario that does it ("Show me"). */
  showMe: { label: string; href: string };
  /** What the learner answers with "Check", when the challenge asks: each answer is checked, not trusted. */
  questions?: readonly Question[];
  /** A tool the page offers beside the text: the attack lab's attacker, worked by hand. */
  workspace?: 'attacker';
  grade(evidence: Evidence): Promise<Verdict>;
};
