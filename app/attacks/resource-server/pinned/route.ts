import { labResourceServer } from '@/lib/attacks/lab-resource-server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The defense (RFC 8725 §3.1): ES256 only, the issuer's keys, the issuer and the audience.
export const GET = labResourceServer('pinned');
