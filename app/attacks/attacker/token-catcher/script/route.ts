import { tokenCatcherScript } from '@/lib/attacks/token-catcher';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = async () => tokenCatcherScript();
