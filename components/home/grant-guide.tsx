import Link from 'next/link';
import { GRANT_GUIDE } from '@/lib/grants/guide';

export function GrantGuide() {
  return (
    <section aria-labelledby="grant-guide">
      <h2 id="grant-guide" className="text-2xl font-bold">
        Which grant should I use?
      </h2>
      <p className="mt-1 text-slate-700">
        The classic advice of RFC 6749 (2012), and what OAuth 2.1 and the Security BCP (RFC 9700) say today.
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                Your app
              </th>
              <th scope="col" className="p-2">
                Classic advice
              </th>
              <th scope="col" className="p-2">
                Best practice now
              </th>
            </tr>
          </thead>
          <tbody>
            {GRANT_GUIDE.map((entry) => (
              <tr key={entry.app} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-semibold">
                  {entry.app}
                </th>
                <td className="p-2">{entry.classic}</td>
                <td className="p-2">
                  {entry.now}{' '}
                  <Link
                    href={`/grants/${entry.grant}`}
                    className="whitespace-nowrap text-as-accent underline"
                  >
                    Try it
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
