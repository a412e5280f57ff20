import { sendComposedRequest } from '@/lib/client/composer';
import { readEnv } from '@/lib/config/env';
import { bodyLimited } from '@/lib/http/body-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = bodyLimited(async (request: Request) => sendComposedRequest(request, readEnv()));
