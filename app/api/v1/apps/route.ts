import { preflight } from '@/lib/mastodon/cors';
import { registerAppHandler } from '@/lib/mastodon/handlers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = registerAppHandler;
export const OPTIONS = preflight;
