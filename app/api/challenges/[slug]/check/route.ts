import { checkChallenge } from '@/lib/challenges/routes';
import { bodyLimited } from '@/lib/http/body-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export const POST = bodyLimited(async (request: Request, { params }: Context) =>
  checkChallenge(request, (await params).slug),
);
