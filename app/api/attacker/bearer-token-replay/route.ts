import { replayLeakedAccessToken } from '@/lib/attacks/bearer-token-replay';
import { readEnv } from '@/lib/config/env';
import { bodyLimited } from '@/lib/http/body-limit';
import { attackerLimited } from '@/lib/attacks/attacker-rate-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = attackerLimited(
  bodyLimited(async (request: Request) => replayLeakedAccessToken(request, readEnv())),
);
