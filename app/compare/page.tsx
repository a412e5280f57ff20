import type { Metadata } from 'next';
import { ComparePanel } from '@/components/compare/compare-panel';
import { ServerFactsProvider } from '@/components/walkthrough/server-facts';
import { readEnv } from '@/lib/config/env';
import { grantBySlug, GRANTS } from '@/machines/registry';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Compare two grants', referrer: 'no-referrer' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const pick = (value: string | string[] | undefined, fallback: string) =>
  typeof value === 'string' && grantBySlug(value) ? value : fallback;

/** /compare?left=<slug>&right=<slug>: the URL says which two grants, so it can be shared. */
export default async function ComparePage({ searchParams }: Props) {
  const query = await searchParams;
  const left = pick(query.left, 'authorization-code-pkce');
  const right = pick(query.right, 'client-credentials');
  const select = (name: string, value: string, label: string) => (
    <label className="flex flex-col text-sm font-semibold">
      {label}
      <select
        name={name}
        defaultValue={value}
        className="mt-1 rounded border border-slate-500 px-2 py-1 font-normal"
      >
        {GRANTS.map((grant) => (
          <option key={grant.slug} value={grant.slug}>
            {grant.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="wide-page space-y-6">
      <div className="flex flex-wrap items-end gap-x-8 gap-y-4">
        <h1 className="text-3xl font-bold">Compare two grants</h1>
        <form method="get" action="/compare" className="flex flex-wrap items-end gap-4">
          {select('left', left, 'Left grant')}
          {select('right', right, 'Right grant')}
          <button
            type="submit"
            className="rounded-lg bg-slate-200 px-4 py-1.5 font-semibold hover:bg-slate-300"
          >
            Compare
          </button>
        </form>
      </div>
      <ServerFactsProvider facts={{ authorizationCodeTtl: readEnv().authorizationCodeTtl }}>
        <ComparePanel key={`${left}|${right}`} left={left} right={right} origin={readEnv().publicOrigin} />
      </ServerFactsProvider>
    </div>
  );
}
