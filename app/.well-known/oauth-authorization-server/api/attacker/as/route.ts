import { attackerMetadata } from '@/machines/attacks/mix-up/lab/mix-up';
import { receivedByAttacker } from '@/lib/attacks/received';
import { readEnv } from '@/lib/config/env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// RFC 8414 §3: the metadata of the attack lab's malicious authorization server (issuer /api/attacker/as).
export const GET = receivedByAttacker('authorization-server', () => attackerMetadata(readEnv()));
