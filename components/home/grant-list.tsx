import Link from 'next/link';
import type { GrantFamily, RegisteredGrant } from '@/lib/grants/catalogue';
import { GRANTS } from '@/machines/registry';

const BADGE = {
  recommended: 'bg-emerald-100 text-emerald-900',
  legacy: 'bg-amber-100 text-amber-900',
  'special-purpose': 'bg-sky-100 text-sky-900',
} as const;

/** The home page's two groups, in this order; a grant without a family is a classic. */
const FAMILIES: Array<{ family: GrantFamily; heading: string; intro: string }> = [
  {
    family: 'classic',
    heading: 'The classics',
    intro: 'OAuth 2.0 as RFC 6749 wrote it in 2012, and what the Security BCP (RFC 9700) kept of it.',
  },
  {
    family: 'modern',
    heading: 'Modern OAuth',
    intro: 'What OAuth 2.1-era practice and FAPI 2.0 add: requests, clients and tokens that prove more.',
  },
];

const familyOf = (grant: RegisteredGrant): GrantFamily => grant.catalogue.family ?? 'classic';

function GrantCard({ grant }: { grant: RegisteredGrant }) {
  const { status, rfc, useWhen, profiles } = grant.catalogue;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h4 className="font-semibold">
          <Link href={`/grants/${grant.slug}`} className="text-as-accent underline">
            {grant.name}
          </Link>
        </h4>
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${BADGE[status]}`}>{status}</span>
      </div>
      <p className="text-sm text-slate-600">{rfc}</p>
      <p className="mt-1 text-sm">{useWhen}</p>
      {profiles?.length ? (
        <p className="mt-1 text-sm text-slate-700">
          <span className="font-semibold">Needed by:</span> {profiles.join('; ')}
        </p>
      ) : null}
    </li>
  );
}

export function GrantList() {
  return (
    <section aria-labelledby="grants">
      <h2 id="grants" className="text-2xl font-bold">
        The grants
      </h2>
      <p className="mt-1 text-slate-700">
        Pick one and step through it for real: every request, redirect and token is shown.
      </p>
      {FAMILIES.map(({ family, heading, intro }) => {
        const grants = GRANTS.filter((grant) => familyOf(grant) === family);
        if (!grants.length) return null;
        return (
          <section key={family} aria-labelledby={`grants-${family}`} className="mt-5">
            <h3 id={`grants-${family}`} className="text-xl font-bold">
              {heading}
            </h3>
            <p className="mt-1 text-slate-700">{intro}</p>
            <ul aria-label={heading} className="mt-3 grid gap-3 sm:grid-cols-2">
              {grants.map((grant) => (
                <GrantCard key={grant.slug} grant={grant} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
