import Link from 'next/link';
import { GRANTS } from '@/machines/registry';

const BADGE = {
  recommended: 'bg-emerald-100 text-emerald-900',
  legacy: 'bg-amber-100 text-amber-900',
  'special-purpose': 'bg-sky-100 text-sky-900',
} as const;

export function GrantList() {
  return (
    <section aria-labelledby="grants">
      <h2 id="grants" className="text-2xl font-bold">
        The grants
      </h2>
      <p className="mt-1 text-slate-700">
        Pick one and step through it for real: every request, redirect and token is shown.
      </p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {GRANTS.map((grant) => (
          <li key={grant.slug} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex items-baseline justify-between gap-2">
              <h3 className="font-semibold">
                <Link href={`/grants/${grant.slug}`} className="text-as-accent underline">
                  {grant.name}
                </Link>
              </h3>
              <span className={`rounded px-2 py-0.5 text-xs font-semibold ${BADGE[grant.catalogue.status]}`}>
                {grant.catalogue.status}
              </span>
            </div>
            <p className="text-sm text-slate-600">{grant.catalogue.rfc}</p>
            <p className="mt-1 text-sm">{grant.catalogue.useWhen}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
