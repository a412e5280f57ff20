import { preflight } from '@/lib/mastodon/cors';
import { instanceV1Handler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = instanceV1Handler;
export const OPTIONS = preflight;
