import { z } from 'zod/mini';
import type { LootItem } from './loot';

/**
 * GET /api/attacker/loot's answer (./exfiltration.ts, showLoot) as the lab's page reads it: what the
 * attacker's server holds for the learner. An answer of another shape reads as holding nothing.
 */
const lootItem = z.object({
  kind: z.enum(['refresh_token', 'access_token', 'code', 'code_verifier']),
  value: z.string(),
  client_id: z.optional(z.string()),
  redirect_uri: z.optional(z.string()),
  how: z.string(),
  run: z.optional(z.string()),
  at: z.string(),
}) satisfies z.ZodMiniType<LootItem>;

const lootAnswer = z.object({ loot: z.array(lootItem) });

export const lootIn = (body: unknown): LootItem[] => lootAnswer.safeParse(body).data?.loot ?? [];
