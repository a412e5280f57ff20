import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RegisteredGrant } from '../lib/grants/catalogue';
import { GRANT_GUIDE } from '../lib/grants/guide';
import { demoClients, RESOURCE_SERVER_CLIENT } from '../lib/oidc/clients';
import type { DemoClient } from '../lib/oidc/demo-client';
import { ROOT, packagesLoadedBy } from '../lib/testing/imports';
import { grantBySlug, GRANTS } from './registry';

/**
 * What is wrong with a list of grants, in words. The types already demand a catalogue entry and a list
 * of clients; this finds what they cannot: an empty entry, a walkthrough playing a client it does not
 * declare, two grants under one slug, and one client id declared twice (sharing a client means
 * importing the other grant's declaration, as refresh-token does).
 */
function problemsOf(grants: readonly RegisteredGrant[]): string[] {
  const problems: string[] = [];
  const slugs = new Set<string>();
  const declarations = new Map<string, DemoClient>();
  for (const grant of grants) {
    if (slugs.has(grant.slug)) problems.push(`two grants are called ${grant.slug}`);
    slugs.add(grant.slug);
    const { rfc, useWhen } = grant.catalogue;
    if (!rfc.trim() || !useWhen.trim()) problems.push(`${grant.slug}: its catalogue entry is empty`);
    const played = grant.clients.find((client) => client.client_id === grant.clientId);
    if (!played) problems.push(`${grant.slug}: plays ${grant.clientId}, which it does not declare`);
    else if (played.type !== grant.clientType)
      problems.push(
        `${grant.slug}: calls ${grant.clientId} ${grant.clientType}; it is declared ${played.type}`,
      );
    for (const client of grant.clients) {
      if ((declarations.get(client.client_id) ?? client) !== client)
        problems.push(`${grant.slug}: declares ${client.client_id} again instead of sharing it`);
      declarations.set(client.client_id, client);
    }
  }
  return problems;
}

describe('the grant registry', () => {
  it('gives every grant its own slug, a catalogue entry, and a declared client of the type it says', () => {
    expect(problemsOf(GRANTS)).toEqual([]);
  });

  it('would catch a shared slug, an empty catalogue entry, a missing client and a client declared twice', () => {
    const [first, second] = GRANTS as [RegisteredGrant, RegisteredGrant];
    const copied = { ...second.clients[0]! };
    expect(
      problemsOf([
        first,
        { ...second, slug: first.slug },
        { ...second, slug: 'no-entry', catalogue: { ...second.catalogue, rfc: ' ' } },
        { ...second, slug: 'no-client', clients: [] },
        { ...second, slug: 'copied-client', clients: [copied] },
      ]),
    ).toEqual([
      `two grants are called ${first.slug}`,
      'no-entry: its catalogue entry is empty',
      `no-client: plays ${second.clientId}, which it does not declare`,
      `copied-client: declares ${copied.client_id} again instead of sharing it`,
    ]);
  });

  it('has the authorization server register every client a grant plays, beside its resource server', () => {
    const registered = demoClients('http://localhost:3000').map((client) => client.client_id);
    expect(new Set(registered).size).toBe(registered.length);
    expect(registered).toEqual(expect.arrayContaining(GRANTS.map((grant) => grant.clientId)));
    expect(registered).toContain(RESOURCE_SERVER_CLIENT.id);
  });

  it('links every "Which grant should I use?" answer to a registered grant', () => {
    expect(GRANT_GUIDE.filter((entry) => !grantBySlug(entry.grant)).map((entry) => entry.grant)).toEqual([]);
  });

  // Server code (the authorization server's clients, the rooms API, pages) reads the registry: it must
  // stay data, so that none of them loads the walkthrough machines or a UI library.
  it('loads no XState and no React', () => {
    const loaded = packagesLoadedBy(path.join(ROOT, 'machines/registry.ts'));
    expect([...loaded].filter((name) => /^(xstate|@xstate\/|react)/.test(name))).toEqual([]);
  });
});
