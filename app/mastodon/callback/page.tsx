import type { Metadata } from 'next';
import Link from 'next/link';
import { ReturnToWalkthrough } from '@/components/callback/return-to-walkthrough';

export const metadata: Metadata = { title: 'Back from your instance', referrer: 'no-referrer' };

/** The Mastodon app's redirect URI: hands the code and state to the flow in this tab, which checks them. */
export default function MastodonCallbackPage() {
  return (
    <section aria-labelledby="mastodon-callback-title" className="space-y-3">
      <ReturnToWalkthrough />
      <h1 id="mastodon-callback-title" className="text-2xl font-bold">
        Back from your instance
      </h1>
      <p role="status">Returning to the Mastodon flow…</p>
      <p>
        Nothing happening?{' '}
        <Link href="/mastodon" className="font-semibold text-as-accent underline">
          Go back to the Mastodon flow
        </Link>
        .
      </p>
    </section>
  );
}
