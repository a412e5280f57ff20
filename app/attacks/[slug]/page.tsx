import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AttackLab } from '@/components/attacks/attack-lab';
import { ServerFactsProvider } from '@/components/walkthrough/server-facts';
import { readEnv } from '@/lib/config/env';
import { attackBySlug } from '@/machines/attacks/registry';

type Props = { params: Promise<{ slug: string }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const attack = attackBySlug((await params).slug);
  return { title: attack ? `Attack: ${attack.name}` : 'Unknown attack', referrer: 'no-referrer' };
}

/** One attack of the lab: its text rendered here, the run (a walkthrough with the lab's panel) in the browser. */
export default async function AttackPage({ params }: Props) {
  const { slug } = await params;
  const attack = attackBySlug(slug);
  if (!attack) notFound();
  const weak = attack.clients.filter((client) => client.weaknesses);
  return (
    <div className="workbench-page">
      <ServerFactsProvider facts={{ authorizationCodeTtl: readEnv().authorizationCodeTtl }}>
        <AttackLab
          slug={slug}
          origin={readEnv().publicOrigin}
          title={
            <div className="flex items-center gap-3">
              <h1 className="text-2xl font-bold">Attack: {attack.name}</h1>
              <Link data-chrome href="/attacks" className="text-sm text-as-accent underline">
                All attacks
              </Link>
            </div>
          }
          intro={
            <header data-chrome className="mb-3 space-y-2">
              <p className="text-slate-700">{attack.summary}</p>
              <p className="text-sm text-slate-700">
                Lab clients:{' '}
                {attack.clients.map((client, index) => (
                  <span key={client.client_id}>
                    {index ? ', ' : ''}
                    <code>{client.client_id}</code>
                    {client.weaknesses ? (
                      <strong className="ml-1 rounded bg-red-100 px-1 text-red-900">
                        deliberately vulnerable
                      </strong>
                    ) : null}
                  </span>
                ))}
                .{' '}
                {attack.vulnerableRoutes?.map((route) => (
                  <span key={route}>
                    Lab route <code>{route}</code>
                    <strong className="ml-1 rounded bg-red-100 px-1 text-red-900">
                      deliberately vulnerable
                    </strong>
                    .{' '}
                  </span>
                ))}
                {weak.length || attack.vulnerableRoutes?.length
                  ? 'Registered for this lab only; the walkthroughs never use them.'
                  : null}
              </p>
              <details className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm">
                <summary className="cursor-pointer font-semibold">The server’s side of the story</summary>
                <p className="mt-1">
                  <span className="font-semibold">With the defense on:</span> {attack.serverSide.error}.
                </p>
                <p className="mt-1 text-slate-700">{attack.serverSide.why}</p>
              </details>
              <p className="text-sm text-slate-700">
                <span className="font-semibold">In the real world:</span> {attack.incident.text}{' '}
                <a
                  href={attack.incident.href}
                  target="_blank"
                  rel="noreferrer"
                  className="text-as-accent underline"
                >
                  {attack.incident.source}
                </a>
              </p>
            </header>
          }
        />
      </ServerFactsProvider>
    </div>
  );
}
