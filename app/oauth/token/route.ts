import { preflight } from '@/lib/mastodon/cors';
import { tokenHandler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = tokenHandler;
export const OPTIONS = preflight;
