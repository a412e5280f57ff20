import type { Metadata } from 'next';
import { MastodonPage } from '@/components/mastodon/mastodon-page';
import { readEnv } from '@/lib/config/env';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Try it on your Mastodon instance', referrer: 'no-referrer' };

/** A real app on a real instance: the page's text is here, the flow runs in the browser. */
export default function MastodonRoute() {
  return (
    <div className="workbench-page space-y-6 lg:space-y-0">
      <header>
        <h1 className="text-2xl font-bold">Try it on your Mastodon instance</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Do for real what the walkthroughs taught: register an app on your instance, authorize it, get a
          token, see who you are, post a first toot (only you can see it, unless you choose otherwise) and
          revoke the token.
        </p>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Every request goes from your browser straight to the instance. The app’s secret and your token stay
          in this browser (the app in localStorage, the token in this tab’s sessionStorage) and are never sent
          to or logged by the playground’s server. The playground itself is a small Mastodon-compatible
          instance: try <code>{readEnv().publicOrigin}</code> to practise without an account elsewhere.
        </p>
      </header>
      <MastodonPage origin={readEnv().publicOrigin} />
    </div>
  );
}
