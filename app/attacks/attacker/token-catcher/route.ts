import { receivedByAttacker } from '@/lib/attacks/received';
import { tokenCatcherPage } from '@/lib/attacks/token-catcher';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The attack lab's attacker: the page an open redirect sends the victim to (it reads the fragment).
export const GET = receivedByAttacker('client', () => tokenCatcherPage());
