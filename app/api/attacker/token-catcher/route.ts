import { receiveCaughtToken, tokenCatcherPage } from '@/lib/attacks/token-catcher';
import { bodyLimited } from '@/lib/http/body-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The attack lab's attacker: the page an open redirect sends the victim to, and where it posts the token.
export const GET = async () => tokenCatcherPage();
export const POST = bodyLimited(receiveCaughtToken);
