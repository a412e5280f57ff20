import http from 'node:http';
import { readEnv } from '../../lib/config/env';
import { composeTheServer } from '../../app/composition';
import { createAuthorizationServer } from '../../lib/oidc/provider';

/**
 * The reference point of the server benchmark: the same oidc-provider configuration and adapter, on
 * plain Node http with no Next.js and no bridge, mounted at /oidc the way Express mounts an app.
 */
composeTheServer();
const env = readEnv();
const server = await createAuthorizationServer(env);
http
  .createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith('/oidc')) {
      res.statusCode = url === '/api/health' ? 200 : 404;
      res.end(url === '/api/health' ? '{"status":"ok"}' : 'Not Found');
      return;
    }
    Object.assign(req, { originalUrl: url, url: url.slice('/oidc'.length) || '/' });
    void server.listener(req, res);
  })
  .listen(env.port, '127.0.0.1', () => console.log(`standalone oidc-provider on ${env.port}`));
