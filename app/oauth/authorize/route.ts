import { preflight } from '@/lib/mastodon/cors';
import { authorizeHandler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = authorizeHandler;
export const OPTIONS = preflight;
