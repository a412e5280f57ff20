import { preflight } from '@/lib/mastodon/cors';
import { publicTimelineHandler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = publicTimelineHandler;
export const OPTIONS = preflight;
