import { attackerToken } from '@/lib/attacks/mix-up';
import { bodyLimited } from '@/lib/http/body-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The attack lab's malicious authorization server (mix-up): keeps the code and verifier it is sent.
export const POST = bodyLimited(attackerToken);
