'use client';

import { useEffect, useState } from 'react';
import { endUnattendedSignIn, unattendedSignIn } from '../walkthrough/autopilot-storage';

/**
 * When a deep link asked for an unattended sign-in (in this tab, minutes ago), fills in and submits this
 * page's own form as a person would: the demo account's documented password, then Allow. After a
 * refused sign-in it stands down, so a person sees the error and takes over.
 */
export function UnattendedSignIn({
  formId,
  step,
  refused,
}: {
  formId: string;
  step: 'login' | 'consent';
  refused?: boolean;
}) {
  const [account, setAccount] = useState<string>();
  useEffect(() => {
    const signIn = unattendedSignIn();
    if (!signIn) return;
    if (refused) return endUnattendedSignIn();
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    if (step === 'login') {
      (form.elements.namedItem('username') as HTMLInputElement).value = signIn.login;
      (form.elements.namedItem('password') as HTMLInputElement).value = signIn.password;
    }
    // Say what is happening, then submit as a person would.
    const timer = setTimeout(() => {
      setAccount(signIn.login);
      form.requestSubmit(form.querySelector<HTMLButtonElement>('button[data-submit]'));
    }, 0);
    return () => clearTimeout(timer);
  }, [formId, step, refused]);
  if (!account) return null;
  return (
    <p role="status" className="mb-4 rounded bg-amber-50 px-4 py-3 text-amber-950">
      {step === 'login'
        ? `Signing in as ${account} automatically, as the deep link asked…`
        : `Allowing automatically for ${account}, as the deep link asked…`}
    </p>
  );
}
