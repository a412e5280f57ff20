import { attackerToken } from '@/lib/attacks/mix-up';
import { receivedByAttacker } from '@/lib/attacks/received';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The attack lab's malicious authorization server (mix-up): keeps the code and verifier it is sent.
export const POST = receivedByAttacker('authorization-server', attackerToken);
