import { z } from 'zod/mini';
import type { AutopilotPlan } from '@/machines/walkthrough/autopilot';
import {
  isDemoLogin,
  UNATTENDED_SIGN_IN_KEY,
  type DemoLogin,
  type UnattendedSignIn,
} from '@/lib/demo/logins';
import { parseStored } from '@/lib/stored-json';

/** The autopilot's plan outlives the page: the browser leaves for the authorization server and returns. */
const planKey = (key: string) => `playground:autopilot:plan:${key}`;

/** A plan as this tab kept it; one of another shape (kept by an earlier version of the page) is no plan. */
const autopilotPlan = z.object({
  target: z.optional(z.int().check(z.nonnegative())),
  paceMs: z.optional(z.number().check(z.nonnegative())),
  login: z.optional(z.custom<DemoLogin>(isDemoLogin)),
  passed: z.optional(z.int().check(z.nonnegative())),
}) satisfies z.ZodMiniType<AutopilotPlan>;

export function savePlan(key: string, plan: AutopilotPlan | undefined) {
  if (plan) sessionStorage.setItem(planKey(key), JSON.stringify(plan));
  else sessionStorage.removeItem(planKey(key));
}

export function loadPlan(key: string): AutopilotPlan | undefined {
  return parseStored(sessionStorage.getItem(planKey(key)), autopilotPlan);
}

const SIGN_IN_MINUTES = 10;

export function allowUnattendedSignIn(login: DemoLogin, returnTo?: string) {
  const value: UnattendedSignIn = { login, until: Date.now() + SIGN_IN_MINUTES * 60_000, returnTo };
  sessionStorage.setItem(UNATTENDED_SIGN_IN_KEY, JSON.stringify(value));
}

export function endUnattendedSignIn() {
  sessionStorage.removeItem(UNATTENDED_SIGN_IN_KEY);
}
