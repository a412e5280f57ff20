import { labResourceServer } from '@/lib/attacks/lab-resource-server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// DELIBERATELY VULNERABLE, attack lab only: trusts the token's own alg header, `none` included.
export const GET = labResourceServer('trusts-alg');
