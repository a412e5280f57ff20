import { closeRoom, readRoom } from '@/lib/rooms/routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ code: string }> };

export const GET = async (request: Request, { params }: Context) => readRoom(request, (await params).code);
export const DELETE = async (request: Request, { params }: Context) =>
  closeRoom(request, (await params).code);
