import { checkChallenge } from '@/lib/challenges/routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export const POST = async (request: Request, { params }: Context) =>
  checkChallenge(request, (await params).slug);
