import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ServerFactsProvider } from '@/components/walkthrough/server-facts';
import { WalkthroughLoader } from '@/components/walkthrough/walkthrough-loader';
import { SignInNote } from '@/components/walkthrough/sign-in-note';
import { readEnv } from '@/lib/config/env';
import { grantBySlug, GRANTS } from '@/machines/registry';

type Props = { params: Promise<{ grant: string }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const grant = grantBySlug((await params).grant);
  return { title: grant ? grant.name : 'Unknown grant', referrer: 'no-referrer' };
}

/** A grant's walkthrough: the text is rendered here; the interactive part is a client island. */
export default async function GrantPage({ params }: Props) {
  const { grant: slug } = await params;
  const grant = grantBySlug(slug);
  if (!grant) notFound();
  return (
    <div className="space-y-6">
      <nav data-chrome aria-label="Grants" className="flex flex-wrap gap-2 text-sm">
        {GRANTS.map((other) => (
          <Link
            key={other.slug}
            href={`/grants/${other.slug}`}
            aria-current={other.slug === slug ? 'page' : undefined}
            className={`rounded-full border px-3 py-1 ${other.slug === slug ? 'border-as-accent bg-as-soft font-semibold' : 'border-slate-300 bg-white'}`}
          >
            {other.name}
          </Link>
        ))}
      </nav>
      <header>
        <h1 className="text-3xl font-bold">{grant.name}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{grant.summary}</p>
        <p className="mt-1 text-sm text-slate-600">
          Client: <code>{grant.clientId}</code> ({grant.clientType}). <SignInNote grant={grant} />
        </p>
        <p data-chrome className="mt-1 text-sm text-slate-600">
          Keyboard: <kbd>→</kbd> next step, <kbd>←</kbd> back, <kbd>R</kbd> restart, <kbd>D</kbd> diagram
          view, <kbd>P</kbd> presenter view, <kbd>A</kbd> auto-play, <kbd>?</kbd> all shortcuts.
        </p>
      </header>
      <ServerFactsProvider facts={{ authorizationCodeTtl: readEnv().authorizationCodeTtl }}>
        <WalkthroughLoader slug={slug} origin={readEnv().publicOrigin} />
      </ServerFactsProvider>
    </div>
  );
}
