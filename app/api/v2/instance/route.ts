import { preflight } from '@/lib/mastodon/cors';
import { instanceV2Handler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = instanceV2Handler;
export const OPTIONS = preflight;
