import { attackerAuthorize } from '@/lib/attacks/mix-up';
import { receivedByAttacker } from '@/lib/attacks/received';
import { readEnv } from '@/lib/config/env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The attack lab's malicious authorization server (mix-up): sends alice on to the honest one.
export const GET = receivedByAttacker('authorization-server', (request: Request) =>
  attackerAuthorize(request, readEnv()),
);
