import { implicitAppCallback } from '@/lib/attacks/open-redirect-client';
import { readEnv } from '@/lib/config/env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// DELIBERATELY VULNERABLE, lab only: the implicit app's redirect URI, an open redirector.
export const GET = async (request: Request) => implicitAppCallback(request, readEnv());
