import type { Configuration, errors } from 'oidc-provider';
import { z } from 'zod';
import { allowInlineScript } from '../content-security-policy';
import { wasKeptOnSite } from '../registered-client-errors';
import { authorizationServerPage, escapeHtml } from './layout';
import { whenUnattended } from './unattended';

type ProviderContext = Parameters<NonNullable<Configuration['renderError']>>[0];

const UNTRUSTED = `This page is shown instead of redirecting back to the client because the server could not trust the
client or its redirect_uri with the error (RFC 6749 section 4.1.2.1).`;
const KEPT_ON_SITE = `This page is shown instead of redirecting back to the client because the client registered itself
(dynamic registration): its redirect URI could point anywhere, and redirecting every malformed request
there would make this server an open redirector (RFC 9700 section 4.11.2).`;

/** Replaces oidc-provider's error page: the wire error and its description, never a stack trace. */
export const renderError: NonNullable<Configuration['renderError']> = (ctx, out, error) => {
  ctx.type = 'html';
  const details = Object.entries(out)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd><code>${escapeHtml(value)}</code></dd>`)
    .join('');
  ctx.body = authorizationServerPage(
    'The authorization server refused this request',
    `<div class="error" role="alert"><dl>${details}</dl></div>
<p>${wasKeptOnSite(error) ? KEPT_ON_SITE : UNTRUSTED}</p>`,
    { status: `error ${ctx.status}` },
  );
};

const storedSession = z.object({ exp: z.number() });

/**
 * Whether this request's session was never stored. After a failed device step (`GET /oidc/device/<uid>`
 * with no valid interaction, or a code form posted with no session) oidc-provider 9.13 renders the code
 * form even for a browser with no session, puts the form's anti-forgery secret into that new session,
 * then fails storing it ("persist can only be called on previously persisted Sessions", a bare 500).
 */
function sessionNeverStored(ctx: ProviderContext): boolean {
  // The types say every session has its expiry; one that was never stored has none yet.
  return ctx.oidc.session !== undefined && !storedSession.safeParse(ctx.oidc.session).success;
}

const deviceFlowSources: NonNullable<Configuration['features']>['deviceFlow'] = {
  enabled: true,
  charset: 'base-20',
  mask: '****-****',
  userCodeInputSource(
    ctx: ProviderContext,
    form: string,
    _out?: unknown,
    err?: errors.OIDCProviderError | Error,
  ) {
    ctx.type = 'html';
    if (err && sessionNeverStored(ctx)) {
      // A form here could never be accepted (its secret would not be kept): send the person to the
      // code page, which starts a session of its own, and leave this one unstored.
      Object.assign(ctx.oidc.session!, { touched: false });
      const what = ctx.oidc.route === 'device_resume' ? 'This device sign-in link is' : 'This code form is';
      ctx.body = authorizationServerPage(
        'Connect a device',
        `<p class="error" role="alert">${what} no longer valid: it has expired or was opened in another browser.</p>
<p><a href="${escapeHtml(ctx.oidc.urlFor('code_verification'))}">Enter the code from your device</a> to start again.</p>`,
      );
      return;
    }
    const codeProblem = err && (('userCode' in err && err.userCode) || err.name === 'NoCodeError');
    const problem = err
      ? `<p class="error" role="alert">${
          codeProblem
            ? 'That code is not valid or has expired. Check the code on the device and try again.'
            : 'The sign-in was interrupted or failed. Start again from the device.'
        }</p>`
      : '';
    ctx.body = authorizationServerPage(
      'Connect a device',
      `${problem}<p>Enter the code shown on your device.</p><label for="user_code">Code</label>${form.replace(
        'type="text" name="user_code"',
        'type="text" id="user_code" name="user_code"',
      )}<button type="submit" form="op.deviceInputForm">Continue</button>`,
    );
  },
  userCodeConfirmSource(ctx: ProviderContext, form: string, client, _deviceInfo, userCode: string) {
    ctx.type = 'html';
    const name = client.clientName ?? client.clientId;
    ctx.body = authorizationServerPage(
      'Confirm the device',
      `<p><strong>${escapeHtml(name)}</strong> is asking to connect. Check that the device shows the code
<code>${escapeHtml(userCode)}</code>.</p>${form}
<button type="submit" form="op.deviceConfirmForm">Continue</button>
<button type="submit" class="secondary" form="op.deviceConfirmForm" value="yes" name="abort">Cancel</button>`,
      {
        script: allowInlineScript(
          ctx,
          whenUnattended("document.getElementById('op.deviceConfirmForm').submit();"),
        ),
      },
    );
  },
  successSource(ctx: ProviderContext) {
    ctx.type = 'html';
    ctx.body = authorizationServerPage(
      'Device connected',
      '<p role="status">Sign-in complete. You can return to your device: it will receive its tokens on its next poll.</p>',
      {
        script: allowInlineScript(
          ctx,
          whenUnattended(
            "var r=s.returnTo;if(typeof r==='string'&&r.charAt(0)==='/'&&r.charAt(1)!=='/')location.replace(r);",
          ),
        ),
      },
    );
  },
};

export const deviceFlow = deviceFlowSources;

export const rpInitiatedLogout: NonNullable<Configuration['features']>['rpInitiatedLogout'] = {
  enabled: true,
  logoutSource(ctx: ProviderContext, form: string) {
    ctx.type = 'html';
    ctx.body = authorizationServerPage(
      'Sign out',
      `<p>Do you want to sign out of the authorization server?</p>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" class="secondary" form="op.logoutForm">No, stay signed in</button>`,
    );
  },
  postLogoutSuccessSource(ctx: ProviderContext) {
    ctx.type = 'html';
    ctx.body = authorizationServerPage(
      'Signed out',
      '<p role="status">You are signed out of the authorization server.</p>',
    );
  },
};
