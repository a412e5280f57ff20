import { NextRequest, NextResponse } from 'next/server';
import { describe, expect, it } from 'vitest';
import { applyContentSecurityPolicy, pagePolicy } from './content-security-policy';

const directive = (policy: string, name: string) =>
  policy.split('; ').find((part) => part.startsWith(`${name} `));
const policyFor = (path: string) =>
  applyContentSecurityPolicy(
    new NextRequest(`http://localhost:3000${path}`),
    NextResponse.next(),
  ).headers.get('content-security-policy');

describe('the pages’ Content Security Policy', () => {
  it('allows scripts by nonce and by hash, never inline as such', () => {
    const policy = pagePolicy({ nonce: 'abc', scriptHashes: ["'sha256-xyz'"], dev: false });
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'nonce-abc' 'sha256-xyz'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("object-src 'none'");
  });

  it('gives each response a fresh nonce', () => {
    const [first, second] = [policyFor('/grants/password'), policyFor('/grants/password')];
    const nonce = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];
    expect(nonce(first)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonce(first)).not.toBe(nonce(second));
    expect(directive(first!, 'script-src')).not.toContain('unsafe-inline');
  });

  it('lets the playground’s own forms post only to itself', () => {
    expect(policyFor('/mastodon')).toContain("form-action 'self'");
  });

  it('leaves the authorization server’s own pages, sign-in and consent included, to the authorization server', () => {
    expect(policyFor('/oidc/device')).toBeNull();
    expect(policyFor('/interaction/abc')).toBeNull();
  });
});
