import { replayRefreshToken } from '@/lib/attacks/attacker';
import { readEnv } from '@/lib/config/env';
import { bodyLimited } from '@/lib/http/body-limit';
import { attackerLimited } from '@/lib/attacks/attacker-rate-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = attackerLimited(
  bodyLimited(async (request: Request) => replayRefreshToken(request, readEnv())),
);
