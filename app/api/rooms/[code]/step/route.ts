import { publishStep } from '@/lib/rooms/routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ code: string }> };

export const POST = async (request: Request, { params }: Context) =>
  publishStep(request, (await params).code);
