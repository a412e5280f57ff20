import { submitLogin } from '@/lib/oidc/interactions';
import { recordedRoute } from '@/lib/trace/record-route';
import { readForm } from '@/lib/http/forms';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = recordedRoute(
  'authorization-server',
  async (request: Request, { params }: { params: Promise<{ uid: string }> }) =>
    submitLogin(request, (await params).uid, await readForm(request)),
  { redactFormFields: ['password'] },
);
