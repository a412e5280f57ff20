import { dispatchLabRoute } from '@/lib/attacks/lab-route';
import { LAB_ROUTES } from '@/machines/attacks/lab-routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The attack lab's server side: each path's handler is in machines/attacks/lab-routes.ts.
export const GET = (request: Request) => dispatchLabRoute(LAB_ROUTES, request);
export const POST = GET;
