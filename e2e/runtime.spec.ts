import { expect, test } from '@playwright/test';
import { freePort } from '../lib/testing/redis-server';
import { startPlayground } from './support/server';

test('the server runs on a supported Node and oidc-provider prints no runtime warning', async () => {
  const server = await startPlayground({ port: await freePort() });
  try {
    // oidc-provider is loaded on the first request to the authorization server, and warns then.
    const discovery = await fetch(`${server.origin}/oidc/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    // startPlayground runs the server on this process's Node (process.execPath): npm test's Node 24.
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major! > 22 || (major === 22 && minor! >= 13)).toBe(true);
    expect(server.output()).toContain('Ready');
    expect(server.output()).not.toMatch(/Unsupported runtime/i);
  } finally {
    await server.stop();
  }
});
