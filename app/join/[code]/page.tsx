import type { Metadata } from 'next';
import { StudentRoom } from '@/components/classroom/student-room';
import { readEnv } from '@/lib/config/env';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Classroom' };

type Props = { params: Promise<{ code: string }> };

/** A student in a classroom room: the instructor's step live, or their own run. */
export default async function RoomPage({ params }: Props) {
  const { code } = await params;
  return <StudentRoom code={code} origin={readEnv().publicOrigin} />;
}
