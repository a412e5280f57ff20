import { preflight } from '@/lib/mastodon/cors';
import { serverMetadataHandler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = serverMetadataHandler;
export const OPTIONS = preflight;
