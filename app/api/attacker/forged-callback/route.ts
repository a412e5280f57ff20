import { forgedCallback } from '@/lib/attacks/attacker';
import { readEnv } from '@/lib/config/env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = async (request: Request) => forgedCallback(request, readEnv());
