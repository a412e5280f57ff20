import { introspectForInspector } from '@/lib/client/backend';
import { readEnv } from '@/lib/config/env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = (request: Request) => introspectForInspector(request, readEnv());
