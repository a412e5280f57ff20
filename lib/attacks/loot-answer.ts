import { z } from 'zod';
import type { LootItem } from './loot';

/**
 * GET /api/attacker/loot's answer (./exfiltration.ts, showLoot) as the lab's page reads it: what the
 * attacker's server holds for the learner. An answer of another shape reads as holding nothing.
 */
const lootItem = z.object({
  kind: z.enum(['refresh_token', 'access_token', 'code', 'code_verifier']),
  value: z.string(),
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  how: z.string(),
  run: z.string().optional(),
  at: z.string(),
}) satisfies z.ZodType<LootItem>;

const lootAnswer = z.object({ loot: z.array(lootItem) });

export const lootIn = (body: unknown): LootItem[] => lootAnswer.safeParse(body).data?.loot ?? [];
