import { authorizationServerMetadata } from '@/lib/oidc/metadata';
import { recordedRoute } from '@/lib/trace/record-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = recordedRoute('authorization-server', async () =>
  Response.json(await authorizationServerMetadata(), {
    headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60' },
  }),
);
