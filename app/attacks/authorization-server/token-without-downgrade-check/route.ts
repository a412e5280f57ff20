import { labTokenWithoutDowngradeCheck } from '@/lib/attacks/pkce-downgrade';
import { readEnv } from '@/lib/config/env';
import { bodyLimited } from '@/lib/http/body-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// DELIBERATELY VULNERABLE, attack lab only: a token endpoint that ignores a code_verifier sent for a code
// issued without a code_challenge (the PKCE downgrade of RFC 9700 §4.8.2), for the lab's one client.
export const POST = bodyLimited(async (request: Request) =>
  labTokenWithoutDowngradeCheck(request, readEnv()),
);
