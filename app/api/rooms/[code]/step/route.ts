import { publishStep } from '@/lib/rooms/routes';
import { bodyLimited } from '@/lib/http/body-limit';
import { stepCountOf } from '@/app/walkthroughs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ code: string }> };

export const POST = bodyLimited(async (request: Request, { params }: Context) =>
  publishStep(request, (await params).code, stepCountOf),
);
