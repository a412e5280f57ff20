import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, scriptHash } from '../http/script-hash';
import { allowInlineScript, interactionPagePolicy } from './content-security-policy';
import { authorizationServerPerFile, TEST_ORIGIN } from '../testing/authorization-server';

const testServer = authorizationServerPerFile();

const scriptSources = (policy: string | null) =>
  (policy ?? '').split(/;\s*/).find((part) => part.startsWith('script-src')) ?? '';

describe('the authorization server’s own pages', () => {
  it('get a policy without inline scripts, and forms that post only here', async () => {
    const response = await testServer().call('/oidc/device');
    expect(response.headers.get('content-type')).toMatch(/html/);
    const policy = response.headers.get('content-security-policy');
    expect(scriptSources(policy)).toBe("script-src 'self'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('allow the form_post page’s script by its hash, and its form to post to the client’s registered redirect URI', async () => {
    // A demo client: a client registered at /oidc/reg or /api/v1/apps gets the error page instead of a
    // form_post of its error (./registered-client-errors.ts).
    const response = await testServer().call(
      `/oidc/auth?${new URLSearchParams({
        client_id: 'playground-web',
        response_type: 'code',
        response_mode: 'form_post',
        redirect_uri: `${TEST_ORIGIN}/callback`,
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        prompt: 'none', // no session: login_required, delivered by form_post
      })}`,
    );
    const body = await response.text();
    expect(body).toContain(`action="${TEST_ORIGIN}/callback"`);
    expect(body).toContain('login_required');
    const policy = response.headers.get('content-security-policy');
    const [hash] = inlineScriptHashes(body);
    expect(scriptSources(policy)).toContain(hash);
    expect(policy).toContain(`form-action 'self' ${TEST_ORIGIN}`);
  });

  it('answer JSON without a policy (nothing there runs)', async () => {
    const response = await testServer().call('/oidc/.well-known/openid-configuration');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});

describe('allowInlineScript', () => {
  it('adds the hash of exactly that script to the page’s script-src and returns the script', () => {
    const headers = new Map([['content-security-policy', "default-src 'self'; script-src 'self'"]]);
    const ctx = {
      response: { get: (name: string) => headers.get(name) ?? '' },
      set: (name: string, value: string) => headers.set(name, value),
    } as unknown as Parameters<typeof allowInlineScript>[0];
    expect(allowInlineScript(ctx, 'run()')).toBe('run()');
    expect(headers.get('content-security-policy')).toBe(
      `default-src 'self'; script-src 'self' ${scriptHash('run()')}`,
    );
  });
});

describe('the sign-in and consent pages’ policy', () => {
  it('allows their inline scripts by hash and lets their form end at the redirect_uri', () => {
    const html = '<main><form></form></main><script>doSomething()</script>';
    const policy = interactionPagePolicy(html, 'https://app.example/cb?x=1');
    expect(policy).toContain(`script-src 'self' ${scriptHash('doSomething()')}`);
    expect(scriptSources(policy)).not.toContain('unsafe-inline');
    expect(policy.split('; ')).toContain("form-action 'self' https://app.example");
  });

  it('allows no script at all where the page has none, and forms only here without a redirect_uri', () => {
    const policy = interactionPagePolicy('<main></main>', undefined);
    expect(policy.split('; ')).toContain("script-src 'self'");
    expect(policy.split('; ')).toContain("form-action 'self'");
  });
});
