import { interactionPageResponse } from '@/lib/oidc/interaction-page';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ uid: string }> }) {
  return interactionPageResponse(request, (await params).uid);
}
