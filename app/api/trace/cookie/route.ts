import { readEnv } from '@/lib/config/env';
import { readLearnerCookie } from '@/lib/trace/routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = (request: Request) => readLearnerCookie(request, readEnv().publicOrigin);
