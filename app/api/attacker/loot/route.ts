import { receiveLoot, showLoot } from '@/lib/attacks/attacker';
import { bodyLimited } from '@/lib/http/body-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The attack lab's attacker: receives and shows stolen tokens (lib/attacks/attacker.ts).
export const POST = bodyLimited(receiveLoot);
export const GET = showLoot;
