import { preflight } from '@/lib/mastodon/cors';
import { verifyAccountHandler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = verifyAccountHandler;
export const OPTIONS = preflight;
