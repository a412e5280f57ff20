import { preflight } from '@/lib/mastodon/cors';
import { getStatusHandler, deleteStatusHandler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = getStatusHandler;
export const DELETE = deleteStatusHandler;
export const OPTIONS = preflight;
