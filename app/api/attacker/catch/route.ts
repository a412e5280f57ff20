import { receivedByAttacker } from '@/lib/attacks/received';
import { readEnv } from '@/lib/config/env';
import { catchRedirectedCode } from '@/lib/attacks/redirect-uri-manipulation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The attacker's page a loosely matched redirect_uri resolves to (lib/attacks/redirect-uri-manipulation.ts).
export const GET = receivedByAttacker('client', (request: Request) =>
  catchRedirectedCode(request, readEnv()),
);
