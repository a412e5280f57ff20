import { forgedCallback } from '@/lib/attacks/attacker';
import { receivedByAttacker } from '@/lib/attacks/received';
import { readEnv } from '@/lib/config/env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = receivedByAttacker('client', (request: Request) => forgedCallback(request, readEnv()));
