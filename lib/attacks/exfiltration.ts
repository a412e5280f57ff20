import { z } from 'zod';
import { runOf } from '../trace/run';
import { learnerAndForm, learnerOf, noLearner } from './learner-and-form';
import { lootStore, type LootItem } from './loot';

/**
 * POST /api/attacker/loot: where a malicious app or an injected script hands the attacker's server what
 * it stole from alice's side. The form names the value by its wire name, so the recorded exchange says
 * what was stolen: `code` (RFC 6749 §4.1.2), `refresh_token` (§6), or an access token as `token` with
 * `token_type_hint=access_token` (the naming of RFC 7009 §2.1), and the `client_id` it was issued to.
 */
export const lootSchema = z
  .object({
    code: z.string().min(1).max(4096).optional(),
    refresh_token: z.string().min(1).max(4096).optional(),
    token: z.string().min(1).max(4096).optional(),
    token_type_hint: z.literal('access_token').optional(),
    client_id: z.string().max(200).optional(),
  })
  .refine((form) => [form.code, form.refresh_token, form.token].filter(Boolean).length === 1, {
    error: 'send exactly one stolen value: code, refresh_token, or token with token_type_hint=access_token',
  })
  .refine((form) => !form.token || form.token_type_hint === 'access_token', {
    error: 'token_type_hint must be access_token for a token',
  });

/** POST /api/attacker/loot: keeps the stolen value with the client it belongs to and the run that leaked it. */
export async function receiveLoot(request: Request): Promise<Response> {
  const read = await learnerAndForm(request, lootSchema);
  if (read instanceof Response) return read;
  const { learnerId, form } = read;
  const { code, refresh_token, token, client_id } = form;
  const [kind, value] = code
    ? (['code', code] as const)
    : refresh_token
      ? (['refresh_token', refresh_token] as const)
      : (['access_token', token!] as const);
  const item: LootItem = {
    kind,
    value,
    ...(client_id ? { client_id } : {}),
    how: kind === 'code' ? 'caught on the redirect by the malicious app' : 'sent by the injected script',
    run: runOf(request.headers),
    at: new Date().toISOString(),
  };
  lootStore().add(learnerId, item);
  return Response.json({ received: { kind } }, { status: 201, headers: { 'cache-control': 'no-store' } });
}

/** GET /api/attacker/loot: what the attacker holds, for the learner to see. */
export async function showLoot(request: Request): Promise<Response> {
  const learnerId = await learnerOf(request);
  if (!learnerId) return noLearner();
  return Response.json({ loot: lootStore().list(learnerId) }, { headers: { 'cache-control': 'no-store' } });
}
