import Link from 'next/link';

export function SiteHeader() {
  return (
    <header data-chrome className="border-b border-slate-200 bg-white">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6"
      >
        <Link href="/" className="text-lg font-bold text-slate-900">
          OAuth2 Playground
        </Link>
        <Link href="/compare" className="text-sm text-slate-700 underline-offset-4 hover:underline">
          Compare grants
        </Link>
        <Link href="/attacks" className="text-sm text-slate-700 underline-offset-4 hover:underline">
          Attack lab
        </Link>
        <Link href="/mastodon" className="text-sm text-slate-700 underline-offset-4 hover:underline">
          Mastodon
        </Link>
        <Link href="/join" className="text-sm text-slate-700 underline-offset-4 hover:underline">
          Join a classroom
        </Link>
        <a
          href="/oidc/.well-known/openid-configuration"
          className="text-sm text-slate-700 underline-offset-4 hover:underline"
        >
          Discovery document
        </a>
      </nav>
    </header>
  );
}
