import { preflight } from '@/lib/mastodon/cors';
import { homeTimelineHandler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = homeTimelineHandler;
export const OPTIONS = preflight;
