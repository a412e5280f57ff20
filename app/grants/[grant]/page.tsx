import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ServerFactsProvider } from '@/components/walkthrough/server-facts';
import { ToolbarMenu } from '@/components/walkthrough/toolbar-menu';
import { WalkthroughLoader } from '@/components/walkthrough/walkthrough-loader';
import { SignInNote } from '@/components/walkthrough/sign-in-note';
import { StepPreview } from '@/components/walkthrough/step-preview';
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
    <div className="workbench-page">
      <ServerFactsProvider facts={{ authorizationCodeTtl: readEnv().authorizationCodeTtl }}>
        <WalkthroughLoader
          slug={slug}
          origin={readEnv().publicOrigin}
          title={
            <div className="flex items-center gap-3">
              <h1 className="text-2xl font-bold">{grant.name}</h1>
              <div data-chrome>
                <ToolbarMenu label="Other grants" align="left">
                  <nav aria-label="Grants" className="rounded-xl border border-slate-300 bg-white p-2">
                    <ul>
                      {GRANTS.map((other) => (
                        <li key={other.slug}>
                          <Link
                            href={`/grants/${other.slug}`}
                            aria-current={other.slug === slug ? 'page' : undefined}
                            className={`block rounded-lg px-3 py-1.5 hover:bg-slate-100 ${other.slug === slug ? 'bg-as-soft font-semibold' : ''}`}
                          >
                            {other.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </nav>
                </ToolbarMenu>
              </div>
            </div>
          }
          preview={<StepPreview grant={grant} />}
          intro={
            <header data-chrome className="mb-3">
              <p className="text-slate-700">{grant.summary}</p>
              <p className="mt-1 text-sm text-slate-600">
                Client: <code>{grant.clientId}</code> ({grant.clientType}). <SignInNote grant={grant} />
              </p>
            </header>
          }
        />
      </ServerFactsProvider>
    </div>
  );
}
