import { DEMO_LOGINS, UNATTENDED_SIGN_IN_KEY } from '../../demo/logins';

/**
 * A deep link that asked for an unattended sign-in (see lib/demo/logins.ts) passes the authorization
 * server's pages by itself: this inline script, run only when that tab's sign-in is current, does what
 * the person would. In `action`, `s` is the stored sign-in and `password` its documented password.
 */
export const whenUnattended = (action: string) =>
  `(function(){try{var k=${JSON.stringify(UNATTENDED_SIGN_IN_KEY)},s=JSON.parse(sessionStorage.getItem(k)||'null');` +
  `if(!s||!(s.until>Date.now()))return;var password=${JSON.stringify(DEMO_LOGINS)}[s.login];${action}}catch(e){}})();`;

/** Says what is happening, then submits the form as a person would (its button marked data-submit). */
export const announceAndSubmit = (formId: string, message: string) =>
  `var f=document.getElementById(${JSON.stringify(formId)}),n=document.getElementById('unattended');` +
  `n.textContent=${JSON.stringify(message)}.replace('{account}',s.login);n.hidden=false;` +
  `f.requestSubmit(f.querySelector('button[data-submit]'));`;

/** After a refused sign-in the unattended sign-in stands down, so a person sees the error and takes over. */
export const standDown = 'sessionStorage.removeItem(k);';
