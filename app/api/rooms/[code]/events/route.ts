import { streamRoom } from '@/lib/rooms/routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ code: string }> };

export const GET = async (request: Request, { params }: Context) => streamRoom(request, (await params).code);
