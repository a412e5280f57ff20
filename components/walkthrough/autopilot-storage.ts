import type { AutopilotPlan } from '@/machines/walkthrough/autopilot';
import { UNATTENDED_SIGN_IN_KEY, type DemoLogin, type UnattendedSignIn } from '@/lib/demo/logins';

/** The autopilot's plan outlives the page: the browser leaves for the authorization server and returns. */
const planKey = (key: string) => `playground:autopilot:plan:${key}`;

export function savePlan(key: string, plan: AutopilotPlan | undefined) {
  if (plan) sessionStorage.setItem(planKey(key), JSON.stringify(plan));
  else sessionStorage.removeItem(planKey(key));
}

export function loadPlan(key: string): AutopilotPlan | undefined {
  try {
    const plan = JSON.parse(sessionStorage.getItem(planKey(key)) ?? 'null') as AutopilotPlan | null;
    return plan && typeof plan === 'object' ? plan : undefined;
  } catch {
    return undefined;
  }
}

const SIGN_IN_MINUTES = 10;

export function allowUnattendedSignIn(login: DemoLogin, returnTo?: string) {
  const value: UnattendedSignIn = { login, until: Date.now() + SIGN_IN_MINUTES * 60_000, returnTo };
  sessionStorage.setItem(UNATTENDED_SIGN_IN_KEY, JSON.stringify(value));
}

export function endUnattendedSignIn() {
  sessionStorage.removeItem(UNATTENDED_SIGN_IN_KEY);
}
