import type { Metadata } from 'next';
import { FragmentParameters } from '@/components/callback/fragment-parameters';
import { ReturnToWalkthrough } from '@/components/callback/return-to-walkthrough';
import { ParameterList } from '@/components/ui/parameter-list';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Callback', referrer: 'no-referrer' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The demo clients' redirect_uri: shows what the authorization server sent back. */
export default async function CallbackPage({ searchParams }: Props) {
  const query = Object.entries(await searchParams).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? '']).map((item) => [name, item] as const),
  );
  return (
    <section aria-labelledby="callback-title" className="space-y-4">
      <ReturnToWalkthrough />
      <h1 id="callback-title" className="text-2xl font-bold">
        Back at the client&apos;s redirect_uri
      </h1>
      <p className="text-slate-700">
        The authorization server redirected your browser here. These are the parameters it added.
      </p>
      <h2 className="text-lg font-semibold">Query parameters</h2>
      <ParameterList label="Query parameters" entries={query} />
      <FragmentParameters />
    </section>
  );
}
