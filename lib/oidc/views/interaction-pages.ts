import type { ActiveInteraction } from '../interactions';
import { describeScope } from '../scope-descriptions';
import { authorizationServerPage, escapeHtml } from './layout';
import { announceAndSubmit, standDown, whenUnattended } from './unattended';

/**
 * The authorization server's sign-in and consent pages. Like its device and error pages, they are plain
 * HTML from the server, not the playground's React app: the authorization server is a party of its own,
 * its pages need no JavaScript (a deep link's unattended sign-in aside), and a class signing in at once
 * costs the server a string template per page instead of a React render.
 */
const STATUS = '<p id="unattended" role="status" class="status" hidden></p>';
const action = (uid: string, step: string) => `/interaction/${encodeURIComponent(uid)}/${step}`;

export function loginPage(
  view: ActiveInteraction,
  options: { error?: string; username?: string; present?: boolean },
): string {
  const username = options.username ?? '';
  return authorizationServerPage(
    'Sign in',
    `<p><strong>${escapeHtml(view.clientName)}</strong> wants to access your account. Sign in to the authorization server
to continue; the app never sees your password.</p>
${options.error ? `<p role="alert" class="error">${escapeHtml(options.error)}</p>` : ''}${STATUS}
<form id="login-form" method="post" action="${action(view.uid, 'login')}">
<label for="username">Username</label>
<input class="field" id="username" name="username" autocomplete="username" required value="${escapeHtml(username)}"${username ? '' : ' autofocus'}>
<label for="password">Password</label>
<input class="field" id="password" name="password" type="password" autocomplete="current-password" required${username ? ' autofocus' : ''}>
<div class="actions"><button type="submit" data-submit>Sign in</button>
<button type="submit" class="secondary" formaction="${action(view.uid, 'abort')}" formnovalidate>Cancel</button></div>
</form>
<p class="note">Demo accounts: <code>alice</code> / <code>wonderland</code> and <code>bob</code> / <code>builder</code>.</p>`,
    {
      present: options.present,
      script: whenUnattended(
        options.error
          ? standDown
          : "document.getElementById('username').value=s.login;document.getElementById('password').value=password;" +
              announceAndSubmit(
                'login-form',
                'Signing in as {account} automatically, as the deep link asked…',
              ),
      ),
    },
  );
}

function scopeList(view: ActiveInteraction): string {
  if (!view.scopes.length) return '<p>Continue with the access you granted before.</p>';
  const items = view.scopes.map(
    ({ scope, resource }) =>
      `<li>${escapeHtml(describeScope(scope))}<span>scope <code>${escapeHtml(scope)}</code>${
        resource ? ` at <code>${escapeHtml(resource)}</code>` : ''
      }</span></li>`,
  );
  return `<ul class="scopes">${items.join('')}</ul>`;
}

/** What Deny does, by the flow that led here: a redirect back to the app, or the device's next poll. */
const denyNote = (view: ActiveInteraction) =>
  view.device
    ? 'Deny makes the device’s next poll answer <code>error=access_denied</code>, as RFC 8628 section 3.5 says.'
    : 'Deny sends <code>error=access_denied</code> back to the app, as RFC 6749 section 4.1.2.1 says.';

export function consentPage(view: ActiveInteraction, options: { present?: boolean } = {}): string {
  const claims = view.claims.length
    ? `<p class="note">It also asks for these claims: ${view.claims.map((claim) => `<code>${escapeHtml(claim)}</code>`).join(' ')}</p>`
    : '';
  return authorizationServerPage(
    `Authorize ${view.clientName}`,
    `<p>Signed in as <strong>${escapeHtml(view.accountId)}</strong>. <strong>${escapeHtml(view.clientName)}</strong>
(client id <code>${escapeHtml(view.clientId)}</code>) asks for permission to:</p>
${scopeList(view)}${claims}${STATUS}
<form id="consent-form" method="post" action="${action(view.uid, 'confirm')}">
<div class="actions"><button type="submit" data-submit>Allow</button>
<button type="submit" class="secondary" formaction="${action(view.uid, 'abort')}">Deny</button></div>
</form>
<p class="note">${denyNote(view)}</p>`,
    {
      present: options.present,
      script: whenUnattended(
        announceAndSubmit('consent-form', 'Allowing automatically for {account}, as the deep link asked…'),
      ),
    },
  );
}

export const expiredPage = () =>
  authorizationServerPage(
    'This sign-in request has ended',
    `<p role="alert">The authorization server no longer knows this request: it was completed already, it expired
(requests last an hour), or this browser lost its cookies. Start again from the app that sent you here.</p>`,
  );
