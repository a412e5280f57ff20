import { receiveLoot, showLoot } from '@/lib/attacks/exfiltration';
import { receivedByAttacker } from '@/lib/attacks/received';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The attack lab's attacker: receives and shows stolen tokens (lib/attacks/attacker.ts).
export const POST = receivedByAttacker('client', receiveLoot);
export const GET = showLoot;
