import { preflight } from '@/lib/mastodon/cors';
import { verifyAppHandler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = verifyAppHandler;
export const OPTIONS = preflight;
