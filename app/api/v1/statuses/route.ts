import { preflight } from '@/lib/mastodon/cors';
import { postStatusHandler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = postStatusHandler;
export const OPTIONS = preflight;
