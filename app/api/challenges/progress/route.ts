import { forgetProgress, readProgress } from '@/lib/challenges/routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = (request: Request) => readProgress(request);
export const DELETE = (request: Request) => forgetProgress(request);
