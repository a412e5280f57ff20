import type { Metadata } from 'next';
import { AddressParameters } from '@/components/callback/address-parameters';
import { ReturnToWalkthrough } from '@/components/callback/return-to-walkthrough';

export const metadata: Metadata = { title: 'Callback', referrer: 'no-referrer' };

/** The demo clients' redirect_uri: shows what the authorization server sent back. */
export default function CallbackPage() {
  return (
    <section aria-labelledby="callback-title" className="space-y-4">
      <ReturnToWalkthrough />
      <h1 id="callback-title" className="text-2xl font-bold">
        Back at the client&apos;s redirect_uri
      </h1>
      <p className="text-slate-700">
        The authorization server redirected your browser here. These are the parameters it added.
      </p>
      <AddressParameters part="search" />
      <AddressParameters part="hash" />
    </section>
  );
}
