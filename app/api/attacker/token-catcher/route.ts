import { receiveCaughtToken } from '@/lib/attacks/token-catcher';
import { receivedByAttacker } from '@/lib/attacks/received';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The attack lab's attacker: where its page (/attacks/attacker/token-catcher) posts the token it read.
export const POST = receivedByAttacker('client', receiveCaughtToken);
