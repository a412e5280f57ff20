import type { ReactNode } from 'react';
import type { TraceEvent } from '@/lib/trace/types';
import type { WalkthroughContext } from '@/lib/walkthrough/types';
import type { WalkthroughInput } from '@/machines/walkthrough/create-walkthrough-machine';
import type { LoadedWalkthrough } from '@/machines/walkthroughs';
import type { AutopilotActor, WalkthroughActor } from './types';

/**
 * What a page hands a walkthrough: where it lives, how its runs restart and stop, what the page adds to
 * the step pane, and the run it starts or resumes (walkthrough.tsx, walkthrough-loader.tsx).
 */

/** A run ready to start: its input, or the run it resumes and the callback it was waiting for. */
export type RunSetup = { input: WalkthroughInput; snapshot?: unknown; callbackUrl?: string };

/** A grant's or scenario's run ready to start, with its walkthrough (and what its page adds). */
export type WalkthroughSetup = RunSetup & { walkthrough: PageWalkthrough };

/** Where a walkthrough lives: its own page, or one side of the compare page. */
export type WalkthroughPlacement = {
  storageKey: string;
  /** The page the callback returns to. */
  returnPath: string;
  /** Show only the exchanges this run named (two runs share the learner's trace). */
  strictRun?: boolean;
  /** One column, without the step list (half a page wide). */
  compact?: boolean;
  /** Tells the page around it what the run looks like now (the compare table, "Next step on both"). */
  onStatus?(status: WalkthroughStatus): void;
};

/** What an attack lab page adds to the step pane: it reads the run and may restart or auto-play it. */
export type WalkthroughExtras = (view: {
  actor: WalkthroughActor;
  autopilot: AutopilotActor;
  /** A fresh run; `params` replace the defaults (an attack's defenses). */
  restart(params?: Record<string, string>): Promise<void>;
  events: TraceEvent[];
}) => ReactNode;

/** How a page's runs differ from a grant's: an attack restarts with its defenses, and its refusals are verdicts. */
export type RunRules = {
  /** A fresh run's parameters when the learner presses Restart, from the run before. */
  restartWith?(context: WalkthroughContext): Record<string, string>;
  /** What auto-play says when the run stops at a refused step, when the refusal is the lesson. */
  stoppedNotice?(context: WalkthroughContext, stepNumber: number): string | undefined;
  /** The query parameters a link to a step carries besides the step (an attack's defenses that are on). */
  linkParams?(context: WalkthroughContext): Record<string, string>;
  /** The names of those parameters, and a fresh run's parameters from the ones a link brought. */
  linkNames?: readonly string[];
  fromLink?(linked: Record<string, string>): Record<string, string>;
};

export type WalkthroughStatus = {
  actor: WalkthroughActor;
  events: TraceEvent[];
  /** What the comparison reads of the run: its tokens and the callback that brought the code. */
  context: Pick<WalkthroughContext, 'tokens' | 'callback'>;
};

/**
 * A walkthrough as its page runs it: the definition and machine (machines/walkthroughs.ts), and what the
 * page adds (an attack lab page: its rules and its panel).
 */
export type PageWalkthrough = LoadedWalkthrough & { rules?: RunRules; extras?: WalkthroughExtras };

/** Loads a slug's walkthrough for a page: a grant's, unless the page says otherwise. */
export type WalkthroughLoad = (slug: string) => Promise<PageWalkthrough | undefined>;
