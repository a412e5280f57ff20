import { receiveCaughtToken } from '@/lib/attacks/token-catcher';
import { bodyLimited } from '@/lib/http/body-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The attack lab's attacker: where its page (/attacks/attacker/token-catcher) posts the token it read.
export const POST = bodyLimited(receiveCaughtToken);
