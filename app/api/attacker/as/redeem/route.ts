import { redeemMixedUpCode } from '@/lib/attacks/mix-up';
import { readEnv } from '@/lib/config/env';
import { bodyLimited } from '@/lib/http/body-limit';
import { attackerLimited } from '@/lib/attacks/attacker-rate-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = attackerLimited(
  bodyLimited(async (request: Request) => redeemMixedUpCode(request, readEnv())),
);
