import type { Metadata } from 'next';
import { AuthorizationServerFrame } from '@/components/authorization-server/authorization-server-frame';
import { outOfBandError } from '@/lib/mastodon/out-of-band-errors';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Authorization code', referrer: 'no-referrer' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Mastodon's out-of-band page: an app registered with `urn:ietf:wg:oauth:2.0:oob` gets its code shown
 * here, for the person to copy into the app. An error is shown in our words only (see outOfBandError):
 * `error_description` from the address is never displayed.
 */
export default async function OutOfBandCodePage({ searchParams }: Props) {
  const query = await searchParams;
  const code = typeof query.code === 'string' ? query.code : undefined;
  const error = typeof query.error === 'string' ? outOfBandError(query.error) : undefined;
  return (
    <AuthorizationServerFrame title={code ? 'Copy this authorization code' : 'No authorization code'}>
      {code ? (
        <>
          <p className="mb-3 text-slate-700">
            Paste it into the app that asked for access. It works once, for one minute.
          </p>
          <label htmlFor="oob-code" className="font-semibold">
            Authorization code
          </label>
          <input
            id="oob-code"
            readOnly
            value={code}
            className="mt-1 block w-full rounded-lg border border-slate-500 px-3 py-2 font-mono text-sm"
          />
        </>
      ) : (
        <p role="alert" className="text-slate-700">
          {error?.error ? (
            <>
              The authorization server answered <code>{error.error}</code>. {error.text}
            </>
          ) : error ? (
            error.text
          ) : (
            'This page shows the code of an out-of-band authorization; there is none in its address.'
          )}
        </p>
      )}
    </AuthorizationServerFrame>
  );
}
