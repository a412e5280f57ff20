import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { readEnv } from '../config/env';
import type { Requester } from '../http/on-behalf';
import { runNodeListener } from '../oidc/node-bridge';
import { createAuthorizationServer, type AuthorizationServer } from '../oidc/provider';
import { basicAuthorization } from '../http/basic-auth';

export const TEST_ORIGIN = 'http://localhost:3999';

/**
 * A real authorization server (oidc-provider with the playground's configuration, SQLite in a temporary
 * directory) driven through the real bridge, without an HTTP listener: for unit tests of grants.
 */
export async function testAuthorizationServer(): Promise<
  AuthorizationServer & {
    call(pathAndQuery: string, init?: RequestInit, requester?: Requester): Promise<Response>;
  }
> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-as-'));
  const server = await createAuthorizationServer(
    readEnv({ PLAYGROUND_DATA_DIR: dataDir, PUBLIC_ORIGIN: TEST_ORIGIN }),
  );
  return {
    ...server,
    async call(pathAndQuery, init, requester) {
      const request = new Request(`${TEST_ORIGIN}${pathAndQuery}`, init);
      return (await runNodeListener(server.listener, request, { mountPath: '/oidc', requester })).response;
    },
  };
}

export type TestAuthorizationServer = Awaited<ReturnType<typeof testAuthorizationServer>>;

/** A test file's authorization server: made before its tests, its storage closed after them. */
export function authorizationServerPerFile(): () => TestAuthorizationServer {
  let server: TestAuthorizationServer | undefined;
  beforeAll(async () => {
    server = await testAuthorizationServer();
  });
  afterAll(async () => {
    await server?.storage.close();
  });
  return () => server!;
}

export const basic = basicAuthorization;

export const form = (fields: Record<string, string>) => new URLSearchParams(fields);
