import { abortInteraction } from '@/lib/oidc/interactions';
import { recordedRoute } from '@/lib/trace/record-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = recordedRoute(
  'authorization-server',
  async (request: Request, { params }: { params: Promise<{ uid: string }> }) =>
    abortInteraction(request, (await params).uid),
);
