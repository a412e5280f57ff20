import type Provider from 'oidc-provider';
import { formActionDirective } from '../http/form-action';
import { inlineScriptHashes, scriptHash } from '../http/script-hash';

type KoaContext = Parameters<Parameters<Provider['use']>[0]>[0];

/**
 * The Content Security Policy of the authorization server's own HTML pages: those oidc-provider renders
 * (device flow, logout, errors, form_post) and our sign-in and consent pages (`interactionPagePolicy`).
 * They are not Next pages, so they get no nonce: their few inline scripts are allowed by hash. oidc-provider does the same for its form_post page (it appends the hash of its script to a
 * `script-src` it finds on the response), so the policy is set before the provider renders, and
 * `allowInlineScript` follows the same convention for our own views.
 */
const BASE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The pages carry one small inline stylesheet (lib/oidc/views/layout.ts).
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
] as const;

const HEADER = 'content-security-policy';

/** Allows one inline script of the page being rendered, by its hash; returns the script unchanged. */
export function allowInlineScript(ctx: KoaContext, script: string): string {
  const policy = ctx.response.get(HEADER);
  if (policy) ctx.set(HEADER, policy.replace("script-src 'self'", `script-src 'self' ${scriptHash(script)}`));
  return script;
}

/**
 * Where a form on this page may end up: this origin, and the client's own address when the page
 * hands over to the client with a form (form_post) or after one (logout's post_logout_redirect_uri);
 * only a URI the client registered counts.
 */
function formAction(ctx: KoaContext): string {
  const { client, params } = ctx.oidc ?? {};
  const redirectUri = typeof params?.redirect_uri === 'string' ? params.redirect_uri : undefined;
  const logoutUri =
    typeof params?.post_logout_redirect_uri === 'string' ? params.post_logout_redirect_uri : undefined;
  return formActionDirective(
    redirectUri && client?.redirectUriAllowed(redirectUri) ? redirectUri : undefined,
    logoutUri && client?.postLogoutRedirectUriAllowed(logoutUri) ? logoutUri : undefined,
  );
}

/** Koa middleware for the provider: the policy on every HTML page it answers, none on its JSON. */
export async function authorizationServerPolicy(ctx: KoaContext, next: () => Promise<void>) {
  ctx.set(HEADER, BASE_POLICY.join('; '));
  await next();
  if (!ctx.response.is('html')) {
    ctx.remove(HEADER);
    return;
  }
  ctx.set(HEADER, `${ctx.response.get(HEADER)}; ${formAction(ctx)}`);
}

/**
 * The policy of a sign-in or consent page (lib/oidc/interaction-page.ts): its inline scripts by hash,
 * and a form-action that lets its form's redirect chain end at the request's redirect_uri, which the
 * authorization server has already checked against the client's registration.
 */
export function interactionPagePolicy(html: string, redirectUri: string | undefined): string {
  const scripts = inlineScriptHashes(html);
  return [
    ...BASE_POLICY.map((directive) =>
      directive === "script-src 'self'" ? ["script-src 'self'", ...scripts].join(' ') : directive,
    ),
    formActionDirective(redirectUri),
  ].join('; ');
}
