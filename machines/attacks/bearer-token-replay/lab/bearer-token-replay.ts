import 'server-only';
import { z } from 'zod';
import type { PlaygroundEnv } from '../../../../lib/config/env';
import { generateDpopKeyPair, signDpopProof } from '../../../../lib/client/dpop-proof';
import { runOf } from '../../../../lib/trace/run';
import { asAttacker, attempt, nothingStolen } from '../../../../lib/attacks/attacker';
import { learnerAndForm } from '../../../../lib/attacks/learner-and-form';
import { lootStore } from '../../../../lib/attacks/loot';

/**
 * The attacker of bearer-token-replay (RFC 9700 §4.10.1, RFC 9449 §1): from its own server, another
 * machine than the victim's browser, it presents a leaked access token at the playground's API. As a
 * bearer token that is all it takes; a DPoP-bound token also needs a proof by the key it is bound to,
 * which stayed in the victim's browser, so the attacker can only sign one with a key of its own.
 */
export const ACCOUNT_PATH = '/api/v1/accounts/verify_credentials';

export const replaySchema = z.object({
  as: z.enum(['bearer', 'dpop-own-key'], {
    error: 'as must be bearer (the token alone) or dpop-own-key (with a proof by the attacker’s own key)',
  }),
});

/**
 * A proof for GET on the API, by a key the attacker made on its server (jose and WebCrypto, as the
 * browser's app does): correct in every claim (htm, htu, ath, iat, jti) but signed by the wrong key.
 */
export async function attackerProof(accessToken: string, publicOrigin: string): Promise<string> {
  return signDpopProof(await generateDpopKeyPair(), {
    htm: 'GET',
    htu: `${publicOrigin}${ACCOUNT_PATH}`,
    accessToken,
  });
}

/**
 * POST /api/attacker/bearer-token-replay: the newest leaked access token of this run, replayed at
 * GET /api/v1/accounts/verify_credentials, alone (`as=bearer`) or with the attacker's own DPoP proof.
 * The answer is the resource server's, WWW-Authenticate included.
 */
export async function replayLeakedAccessToken(request: Request, env: PlaygroundEnv): Promise<Response> {
  const read = await learnerAndForm(request, replaySchema);
  if (read instanceof Response) return read;
  const { learnerId, form } = read;
  const stolen = lootStore().newest(learnerId, 'access_token', runOf(request.headers));
  if (!stolen) return nothingStolen('access token');
  return attempt(
    async () =>
      asAttacker(request, env, ACCOUNT_PATH, {
        method: 'GET',
        headers:
          form.as === 'bearer'
            ? { authorization: `Bearer ${stolen.value}` }
            : {
                authorization: `DPoP ${stolen.value}`,
                dpop: await attackerProof(stolen.value, env.publicOrigin),
              },
      }),
    env,
  );
}
