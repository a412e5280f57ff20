import type { Metadata } from 'next';
import { JoinForm } from '@/components/classroom/join-form';

export const metadata: Metadata = { title: 'Join a classroom' };

/** Students type the code the instructor projects. */
export default function JoinPage() {
  return (
    <section aria-labelledby="join-title" className="mx-auto max-w-md space-y-4">
      <h1 id="join-title" className="text-3xl font-bold">
        Join a classroom
      </h1>
      <p className="text-slate-700">
        Type the code on your instructor&apos;s screen (or scan their QR code) to follow their walkthrough
        live.
      </p>
      <JoinForm />
    </section>
  );
}
