import { createRoom } from '@/lib/rooms/routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = createRoom;
