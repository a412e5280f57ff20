import type { Metadata } from 'next';
import Link from 'next/link';
import { SeenBadges } from '@/components/attacks/seen-badges';
import { ATTACKS } from '@/machines/attacks/registry';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Attack lab' };

/** The attack lab's index: the scenarios that run, with the learner's progress, and those to come. */
export default function AttacksPage() {
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">Attack lab</h1>
        <p className="mt-3 max-w-3xl text-lg text-slate-700">
          Run the attacks of the OAuth 2.0 Security Best Current Practice (RFC 9700) for real against this
          playground’s authorization server: watch each succeed against a deliberately vulnerable client, then
          turn its defense on and watch it fail. The weak clients and the attacker’s routes exist only in the
          lab; the walkthroughs’ clients are never weakened.
        </p>
      </header>
      <section aria-labelledby="ready">
        <h2 id="ready" className="text-xl font-bold">
          Attacks you can run
        </h2>
        <ul className="mt-3 grid gap-4 md:grid-cols-2">
          {ATTACKS.map((attack) => (
            <li key={attack.slug} className="rounded-xl border border-slate-300 bg-white p-5 shadow-sm">
              <h3 className="text-lg font-bold">
                <Link href={`/attacks/${attack.slug}`} className="text-as-accent underline">
                  {attack.name}
                </Link>
              </h3>
              <p className="mt-1 text-slate-700">{attack.attack}</p>
              <p className="mt-1 text-sm text-slate-700">
                {attack.defenses.map((defense) => defense.label).join(', ')} (
                {attack.defenses.map((defense) => defense.rfc.label).join(', ')})
              </p>
              <div className="mt-3">
                <SeenBadges slug={attack.slug} />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
