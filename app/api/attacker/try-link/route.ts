import { readEnv } from '@/lib/config/env';
import { bodyLimited } from '@/lib/http/body-limit';
import { attackerLimited } from '@/lib/attacks/attacker-rate-limit';
import { tryAttackerLink } from '@/lib/attacks/redirect-uri-manipulation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = attackerLimited(
  bodyLimited(async (request: Request) => tryAttackerLink(request, readEnv())),
);
