import { implicitAppSignIn } from '@/lib/attacks/open-redirect-client';
import { readEnv } from '@/lib/config/env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// DELIBERATELY VULNERABLE, lab only: the implicit app's sign-in link, which keeps any return_to.
export const GET = async (request: Request) => implicitAppSignIn(request, readEnv());
