import { preflight } from '@/lib/mastodon/cors';
import { revokeHandler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = revokeHandler;
export const OPTIONS = preflight;
